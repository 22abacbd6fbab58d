package nl.veiligwerken.query;

import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.platform.test.MessageBundles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class QueryMessagesTest {

    @Test
    void everyKeyExistsInDutchAndEnglish() {
        assertThat(MessageBundles.missingKeys("messages/query")).isEmpty();
    }

    @Test
    void templatesShowOnlyTextFromTheBundles() {
        assertThat(MessageBundles.templateProblems(Path.of("src/main/resources/templates"),
                "messages/platform", "messages/query")).isEmpty();
    }

    /**
     * The templates build these keys from enum values, which the template check cannot see. (The answers of
     * the report form are shared texts, checked in platform.)
     */
    @Test
    void everyEnumValueShownOnAPageHasAText() {
        Properties dutch = MessageBundles.load("messages/query.properties");
        List<String> keys = new ArrayList<>();
        for (ProtocolStep step : ProtocolStep.values()) {
            keys.add("task.step." + step);
        }
        assertThat(keys).allSatisfy(key -> assertThat(dutch).containsKey(key));
    }
}
