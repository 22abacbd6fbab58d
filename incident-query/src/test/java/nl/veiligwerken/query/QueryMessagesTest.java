package nl.veiligwerken.query;

import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.platform.test.MessageBundles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
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

    /** The task list builds the key from the step, which the template check cannot see. */
    @Test
    void everyStepHasTheTextOfItsTaskListAction() {
        for (String bundle : new String[] {"messages/query.properties", "messages/query_en.properties"}) {
            Properties texts = MessageBundles.load(bundle);
            assertThat(Arrays.stream(ProtocolStep.values()).map(step -> "tasks.action." + step))
                    .as(bundle)
                    .allSatisfy(key -> assertThat(texts.getProperty(key)).as(key).isNotBlank());
        }
    }
}
