package nl.veiligwerken.query.incidents;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.incidents.FindIncidentQuery;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.query.ViewDatabase;
import nl.veiligwerken.query.queries.FindAssignedPeerSupporterQuery;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentProjectionTest {

    private static final IncidentId INCIDENT = new IncidentId("5b0e7f0c-5d4e-4a8e-9a57-1f1c2d3e4f50");
    private static final TeamId NOORD = new TeamId("noord");
    private static final Instant REPORTED = Instant.parse("2026-03-02T09:15:00Z");
    private static final Instant OCCURRED = Instant.parse("2026-03-01T20:40:00Z");

    private IncidentProjection projection;

    @BeforeEach
    void emptyView() {
        projection = new IncidentProjection(new IncidentRepository(ViewDatabase.jdbc()));
        projection.reset();
    }

    @Test
    void reportedIncidentCanBeFoundWithEveryFieldAndItsVersion() {
        ReportContent content = new ReportContent(OCCURRED, Setting.CLIENT_HOME,
                Set.of(AggressionKind.THREAT, AggressionKind.PHYSICAL_VIOLENCE), Severity.SEVERE, "Sloeg en dreigde.",
                Aggressor.CLIENT_RELATIVE, "CL-2041", Set.of(Injury.MEDICAL_TREATMENT, Injury.HOSPITAL_ADMISSION), true);

        projection.on(new IncidentReportedEvent(INCIDENT, NOORD, "mark", "sanne", REPORTED, content, false, 3), 0);

        assertThat(find()).isEqualTo(new IncidentDetails(INCIDENT, NOORD, "mark", "sanne", REPORTED, OCCURRED,
                Setting.CLIENT_HOME, Set.of(AggressionKind.THREAT, AggressionKind.PHYSICAL_VIOLENCE), Severity.SEVERE,
                "Sloeg en dreigde.", Aggressor.CLIENT_RELATIVE, "CL-2041",
                Set.of(Injury.MEDICAL_TREATMENT, Injury.HOSPITAL_ADMISSION), true, false, 3, 0, null, 0));
    }

    @Test
    void aReportFromBeforeTheNewFieldsReadsAsNotAskedThen() {
        projection.on(reportedAsBefore(Set.of(AggressionKind.THREAT, AggressionKind.VERBAL_ABUSE), "Schold en dreigde."), 0);

        assertThat(find()).isEqualTo(new IncidentDetails(INCIDENT, NOORD, "sanne", null, REPORTED, OCCURRED,
                Setting.CLIENT_HOME, Set.of(AggressionKind.THREAT, AggressionKind.VERBAL_ABUSE), Severity.SERIOUS,
                "Schold en dreigde.", Aggressor.UNKNOWN, null, Set.of(), false, true, 1, 0, null, 0));
    }

    @Test
    void anAmendmentReplacesTheReportsContentAndIsCounted() {
        projection.on(reportedAsBefore(Set.of(AggressionKind.THREAT), "Dreigde."), 0);
        laterEvent(1);
        Instant amendedAt = REPORTED.plus(Duration.ofHours(3));
        ReportContent amended = new ReportContent(OCCURRED.minus(Duration.ofHours(1)), Setting.OFFICE,
                Set.of(AggressionKind.PHYSICAL_VIOLENCE), Severity.SEVERE, "Duwde me tegen de muur.", Aggressor.CLIENT,
                "CL-77", Set.of(Injury.MINOR_INJURY), true);

        projection.on(new ReportAmendedEvent(INCIDENT, amended, "Letsel vergeten", "sanne", amendedAt), 2);

        IncidentDetails found = find();
        assertThat(found.content()).isEqualTo(amended);
        assertThat(found.amendments()).isEqualTo(1);
        assertThat(found.lastAmendedAt()).isEqualTo(amendedAt);
        assertThat(found.version()).isEqualTo(2);
        // what the amendment does not touch
        assertThat(found.reportedBy()).isEqualTo("sanne");
        assertThat(found.reportedAt()).isEqualTo(REPORTED);
        assertThat(found.supportWanted()).isTrue();

        Instant againAt = amendedAt.plus(Duration.ofDays(1));
        projection.on(new ReportAmendedEvent(INCIDENT, content("Toch anders."), "Beschrijving", "mark", againAt), 3);

        assertThat(find().description()).isEqualTo("Toch anders.");
        assertThat(find().amendments()).isEqualTo(2);
        assertThat(find().lastAmendedAt()).isEqualTo(againAt);
    }

    @Test
    void anAmendmentDeliveredAgainIsCountedOnce() {
        projection.on(reportedAsBefore(Set.of(AggressionKind.THREAT), "Dreigde."), 0);
        ReportAmendedEvent amendment = new ReportAmendedEvent(INCIDENT, content("Aangevuld."), "Aanvulling", "sanne",
                REPORTED.plus(Duration.ofHours(1)));

        projection.on(amendment, 1);
        projection.on(amendment, 1);

        assertThat(find().amendments()).isEqualTo(1);
        assertThat(find().version()).isEqualTo(1);
    }

    @Test
    void theReportDeliveredAgainDoesNotUndoALaterAmendment() {
        IncidentReportedEvent report = reportedAsBefore(Set.of(AggressionKind.THREAT), "Dreigde.");
        projection.on(report, 0);
        projection.on(new ReportAmendedEvent(INCIDENT, content("Aangevuld."), "Aanvulling", "sanne",
                REPORTED.plus(Duration.ofHours(1))), 1);

        projection.on(report, 0);

        assertThat(find().description()).isEqualTo("Aangevuld.");
        assertThat(find().amendments()).isEqualTo(1);
    }

    @Test
    void theAssignedPeerSupporterIsKnownAndMovesTheVersionOn() {
        projection.on(reportedAsBefore(Set.of(AggressionKind.THREAT), "Dreigde."), 0);
        assertThat(projection.handle(new FindAssignedPeerSupporterQuery(INCIDENT))).isNull();

        projection.on(new PeerSupporterAssignedEvent(INCIDENT, NOORD, "bram", "mark", REPORTED.plusSeconds(60)), 1);

        assertThat(projection.handle(new FindAssignedPeerSupporterQuery(INCIDENT))).isEqualTo("bram");
        assertThat(find().version()).isEqualTo(1);
        assertThat(projection.handle(new FindAssignedPeerSupporterQuery(new IncidentId("no-such-incident")))).isNull();
    }

    @Test
    void unknownIncidentIsAnsweredWithNull() {
        assertThat(projection.handle(new FindIncidentQuery(new IncidentId("no-such-incident")))).isNull();
    }

    @Test
    void replayedEventOverwritesTheRowInsteadOfFailing() {
        projection.on(reportedAsBefore(Set.of(AggressionKind.THREAT), "eerste"), 0);
        projection.on(reportedAsBefore(Set.of(AggressionKind.INTIMIDATION), "tweede"), 3);

        IncidentDetails found = find();
        assertThat(found.kinds()).containsExactly(AggressionKind.INTIMIDATION);
        assertThat(found.description()).isEqualTo("tweede");
        assertThat(found.version()).isEqualTo(3);
    }

    @Test
    void resetEmptiesTheViewForAReplay() {
        projection.on(reportedAsBefore(Set.of(AggressionKind.THREAT), "x"), 0);

        projection.reset();

        assertThat(projection.handle(new FindIncidentQuery(INCIDENT))).isNull();
    }

    private IncidentDetails find() {
        return projection.handle(new FindIncidentQuery(INCIDENT));
    }

    /** Any other event of the incident, as the event processor hands it over. */
    private void laterEvent(long sequence) {
        TaskScheduledEvent task = new TaskScheduledEvent(new TaskId(INCIDENT.value() + ":feedback"), INCIDENT, NOORD,
                ProtocolStep.FEEDBACK, Role.TEAM_LEADER, REPORTED, REPORTED.plus(Duration.ofDays(9)), null);
        projection.onLaterEvent(task, new GenericDomainEventMessage<>("Incident", INCIDENT.value(), sequence, task));
        assertThat(find().version()).isEqualTo(sequence);
    }

    private static ReportContent content(String description) {
        return new ReportContent(OCCURRED, Setting.CLIENT_HOME, Set.of(AggressionKind.THREAT), Severity.MODERATE,
                description, Aggressor.CLIENT, null, Set.of(), false);
    }

    /** As events stored before the report had aggressor, client number, injuries and police. */
    private static IncidentReportedEvent reportedAsBefore(Set<AggressionKind> kinds, String description) {
        return new IncidentReportedEvent(INCIDENT, NOORD, "sanne", REPORTED, OCCURRED, Setting.CLIENT_HOME,
                kinds, Severity.SERIOUS, description, true, null, null, null, null, false, 0);
    }
}
