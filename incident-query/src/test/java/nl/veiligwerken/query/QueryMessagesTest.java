package nl.veiligwerken.query;

import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.platform.audit.AuditAction;
import nl.veiligwerken.platform.test.MessageBundles;
import nl.veiligwerken.query.queries.MyReportStatus;
import nl.veiligwerken.query.queries.TimelineEntryType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;

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

    /** The timeline and "my reports" build their keys from the entry type and the status, also out of sight. */
    @Test
    void everyTimelineStepAndReportStatusHasItsText() {
        for (String bundle : new String[] {"messages/query.properties", "messages/query_en.properties"}) {
            Properties texts = MessageBundles.load(bundle);
            assertThat(Arrays.stream(TimelineEntryType.values()))
                    .as(bundle)
                    .allSatisfy(type -> assertThat(texts.stringPropertyNames())
                            .anyMatch(key -> key.equals("timeline." + type) || key.startsWith("timeline." + type + ".")));
            assertThat(Arrays.stream(MyReportStatus.values()).map(status -> "myReports.status." + status))
                    .as(bundle)
                    .allSatisfy(key -> assertThat(texts.getProperty(key)).as(key).isNotBlank());
        }
    }

    /** The audit log page builds its keys from the action and the filter's fields. */
    @Test
    void everyAuditActionAndFilterFieldHasItsText() {
        for (String bundle : new String[] {"messages/query.properties", "messages/query_en.properties"}) {
            Properties texts = MessageBundles.load(bundle);
            assertThat(Stream.concat(
                    Arrays.stream(AuditAction.values()).map(action -> "audit.action." + action),
                    Stream.of("user", "incident", "from", "to").map(field -> "audit.filter." + field)))
                    .as(bundle)
                    .allSatisfy(key -> assertThat(texts.getProperty(key)).as(key).isNotBlank());
        }
    }
}
