package nl.veiligwerken.command.web;

import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.test.MessageBundles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CommandMessagesTest {

    @Test
    void everyKeyExistsInDutchAndEnglish() {
        assertThat(MessageBundles.missingKeys("messages/command")).isEmpty();
    }

    @Test
    void templatesShowOnlyTextFromTheBundles() {
        assertThat(MessageBundles.templateProblems(Path.of("src/main/resources/templates"),
                "messages/platform", "messages/command")).isEmpty();
    }

    @Test
    void everyChoiceOnTheFormHasADutchText() {
        Properties nl = MessageBundles.load("messages/command.properties");
        Stream.of(AggressionKind.values()).forEach(k -> assertThat(nl).containsKey("incident.kind." + k));
        Stream.of(Setting.values()).forEach(s -> assertThat(nl).containsKey("incident.setting." + s));
        Stream.of(Severity.values()).forEach(s -> assertThat(nl).containsKey("incident.severity." + s));
    }
}
