package nl.veiligwerken.command.publishing;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.IncidentReportedNotice;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Set;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.Injury;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedMessagesTest {

    private final IncidentReportedEvent reported = new IncidentReportedEvent(new IncidentId("i-1"), new TeamId("t-1"),
            "sanne", Instant.parse("2026-11-23T09:00:00Z"), Instant.parse("2026-11-23T08:00:00Z"), Setting.OFFICE,
            Set.of(AggressionKind.THREAT), Severity.MINOR, "Noemde de cliënt Jan bij naam", true, "fatima",
            Aggressor.CLIENT, "CL-4711", Set.of(Injury.HOSPITAL_ADMISSION), true, 1);

    @Test
    void aReportLeavesWithoutWhatHappened() {
        PublishedMessages.Published published = PublishedMessages.of(reported).orElseThrow();
        assertThat(published.type()).isEqualTo(PublishedEventType.INCIDENT_REPORTED);
        assertThat(published.incidentId()).isEqualTo("i-1");
        assertThat(published.payload()).isInstanceOf(IncidentReportedNotice.class);
        String json = JsonMapper.builder().build().writeValueAsString(published.payload());
        assertThat(json).doesNotContain("Jan").doesNotContain("description").doesNotContain("CL-4711")
                .doesNotContain("fatima").doesNotContain("HOSPITAL")
                .contains("\"incidentId\":\"i-1\"").contains("\"reportedAt\":\"2026-11-23T09:00:00Z\"");
    }

    @Test
    void eventsNobodyElseNeedsStayInside() {
        assertThat(PublishedMessages.of("something else")).isEmpty();
    }
}
