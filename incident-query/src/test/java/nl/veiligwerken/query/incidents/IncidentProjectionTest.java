package nl.veiligwerken.query.incidents;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.incidents.FindIncidentQuery;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.query.ViewDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentProjectionTest {

    private static final IncidentId INCIDENT = new IncidentId("5b0e7f0c-5d4e-4a8e-9a57-1f1c2d3e4f50");

    private IncidentProjection projection;

    @BeforeEach
    void emptyView() {
        projection = new IncidentProjection(new IncidentRepository(ViewDatabase.jdbc()));
        projection.reset();
    }

    @Test
    void reportedIncidentCanBeFoundWithEveryFieldAndItsVersion() {
        IncidentReportedEvent event = reported(Set.of(AggressionKind.THREAT, AggressionKind.VERBAL_ABUSE), "Schold en dreigde.");

        projection.on(event, 0);

        assertThat(projection.handle(new FindIncidentQuery(INCIDENT))).isEqualTo(new IncidentDetails(
                INCIDENT, new TeamId("noord"), "sanne", event.reportedAt(), event.occurredAt(), Setting.CLIENT_HOME,
                Set.of(AggressionKind.THREAT, AggressionKind.VERBAL_ABUSE), Severity.SERIOUS, "Schold en dreigde.",
                true, 0));
    }

    @Test
    void unknownIncidentIsAnsweredWithNull() {
        assertThat(projection.handle(new FindIncidentQuery(new IncidentId("no-such-incident")))).isNull();
    }

    @Test
    void replayedEventOverwritesTheRowInsteadOfFailing() {
        projection.on(reported(Set.of(AggressionKind.THREAT), "eerste"), 0);
        projection.on(reported(Set.of(AggressionKind.INTIMIDATION), "tweede"), 3);

        IncidentDetails found = projection.handle(new FindIncidentQuery(INCIDENT));
        assertThat(found.kinds()).containsExactly(AggressionKind.INTIMIDATION);
        assertThat(found.description()).isEqualTo("tweede");
        assertThat(found.version()).isEqualTo(3);
    }

    @Test
    void resetEmptiesTheViewForAReplay() {
        projection.on(reported(Set.of(AggressionKind.THREAT), "x"), 0);

        projection.reset();

        assertThat(projection.handle(new FindIncidentQuery(INCIDENT))).isNull();
    }

    private static IncidentReportedEvent reported(Set<AggressionKind> kinds, String description) {
        return new IncidentReportedEvent(INCIDENT, new TeamId("noord"), "sanne",
                Instant.parse("2026-03-02T09:15:00Z"), Instant.parse("2026-03-01T20:40:00Z"), Setting.CLIENT_HOME,
                kinds, Severity.SERIOUS, description, true, null, null, null, null, false, 0);
    }
}
