package nl.veiligwerken.command.web;

import nl.veiligwerken.platform.test.MessageBundles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CommandMessagesTest {

    private static final String[] BUNDLES = {"messages/command", "messages/steps", "messages/protocol"};

    @Test
    void everyKeyExistsInDutchAndEnglish() {
        for (String bundle : BUNDLES) {
            assertThat(MessageBundles.missingKeys(bundle)).as(bundle).isEmpty();
        }
    }

    @Test
    void templatesShowOnlyTextFromTheBundles() {
        assertThat(MessageBundles.templateProblems(Path.of("src/main/resources/templates"),
                "messages/platform", "messages/command", "messages/steps", "messages/protocol")).isEmpty();
    }
}
