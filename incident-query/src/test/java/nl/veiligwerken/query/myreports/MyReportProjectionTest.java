package nl.veiligwerken.query.myreports;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportResponse;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.query.ViewDatabase;
import nl.veiligwerken.query.queries.FindMyReportsQuery;
import nl.veiligwerken.query.queries.MyReport;
import nl.veiligwerken.query.queries.MyReportStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MyReportProjectionTest {

    private static final TeamId NOORD = new TeamId("noord");
    private static final Instant REPORTED = Instant.parse("2026-03-02T09:15:00Z");
    private static final IncidentId OWN = new IncidentId("own");

    private MyReportProjection projection;

    @BeforeEach
    void emptyView() {
        projection = new MyReportProjection(new MyReportRepository(ViewDatabase.jdbc()));
        projection.reset();
    }

    @Test
    void theReporterAndTheColleagueItWasReportedForSeeItAndNoOneElse() {
        projection.on(reported(OWN, "sanne", null, REPORTED), 0);
        projection.on(reported(new IncidentId("for-sanne"), "mark", "sanne", REPORTED.plusSeconds(60)), 0);
        projection.on(reported(new IncidentId("fatimas"), "fatima", null, REPORTED.plusSeconds(120)), 0);

        assertThat(reportsOf("sanne")).extracting(report -> report.incidentId().value())
                .as("newest first").containsExactly("for-sanne", "own");
        assertThat(reportsOf("mark")).extracting(report -> report.incidentId().value()).containsExactly("for-sanne");
        assertThat(reportsOf("fatima")).extracting(report -> report.incidentId().value()).containsExactly("fatimas");
        assertThat(reportsOf("kees")).isEmpty();
    }

    @Test
    void theReportAsItReadsNow() {
        projection.on(reported(OWN, "sanne", null, REPORTED), 0);
        ReportContent amended = new ReportContent(REPORTED.minusSeconds(7200), Setting.OFFICE,
                Set.of(AggressionKind.PHYSICAL_VIOLENCE, AggressionKind.THREAT), Severity.SEVERE, "Sloeg.",
                Aggressor.CLIENT, null, Set.of(), false);
        projection.on(new ReportAmendedEvent(OWN, amended, "Vergeten", "sanne", REPORTED.plusSeconds(60)), 2);

        MyReport report = reportsOf("sanne").get(0);
        assertThat(report.kinds()).as("in the form's order").containsExactly(AggressionKind.THREAT,
                AggressionKind.PHYSICAL_VIOLENCE);
        assertThat(report.severity()).isEqualTo(Severity.SEVERE);
        assertThat(report.occurredAt()).isEqualTo(REPORTED.minusSeconds(7200));
        assertThat(report.reportedAt()).isEqualTo(REPORTED);
        assertThat(report.status()).isEqualTo(MyReportStatus.REPORTED);
    }

    @Test
    void statusMovesFromReportedToInProgressToClosedToReopened() {
        projection.on(reported(OWN, "sanne", null, REPORTED), 0);
        assertThat(statusOf("sanne")).isEqualTo(MyReportStatus.REPORTED);

        FirstSupportOfferedEvent offered = new FirstSupportOfferedEvent(OWN, "bram", REPORTED.plusSeconds(600),
                FirstSupportResponse.ACCEPTED, "bram", REPORTED.plusSeconds(600));
        projection.on(offered, 2);
        assertThat(statusOf("sanne")).isEqualTo(MyReportStatus.IN_PROGRESS);

        projection.on(new IncidentClosedEvent(OWN, "mark", REPORTED.plus(Duration.ofDays(9))), 3);
        assertThat(statusOf("sanne")).isEqualTo(MyReportStatus.CLOSED);

        projection.on(new IncidentReopenedEvent(OWN, "Opnieuw", "mark", REPORTED.plus(Duration.ofDays(10))), 4);
        assertThat(statusOf("sanne")).isEqualTo(MyReportStatus.REOPENED);

        projection.on(offered, 2);
        projection.on(reported(OWN, "sanne", null, REPORTED), 0);
        assertThat(statusOf("sanne")).as("events delivered again turn nothing back").isEqualTo(MyReportStatus.REOPENED);

        projection.on(new IncidentClosedEvent(OWN, "mark", REPORTED.plus(Duration.ofDays(11))), 5);
        assertThat(statusOf("sanne")).isEqualTo(MyReportStatus.CLOSED);
    }

    @Test
    void allFeedbackNewestFirstEachOnceThoughDeliveredTwice() {
        projection.on(reported(OWN, "mark", "sanne", REPORTED), 0);
        FeedbackGivenEvent first = new FeedbackGivenEvent(OWN, "sanne", "We spreken de cli\u00ebnt aan.", "mark",
                REPORTED.plus(Duration.ofDays(1)));
        FeedbackGivenEvent second = new FeedbackGivenEvent(OWN, "sanne", "Er is een brief gestuurd.", "peter",
                REPORTED.plus(Duration.ofDays(3)));
        projection.on(first, "f-1", 1);
        projection.on(second, "f-2", 2);
        projection.on(first, "f-1", 1);

        MyReport report = reportsOf("sanne").get(0);
        assertThat(report.feedback()).containsExactly(
                new MyReport.Feedback("Er is een brief gestuurd.", "peter", REPORTED.plus(Duration.ofDays(3))),
                new MyReport.Feedback("We spreken de cli\u00ebnt aan.", "mark", REPORTED.plus(Duration.ofDays(1))));
        assertThat(report.status()).isEqualTo(MyReportStatus.IN_PROGRESS);
        assertThat(reportsOf("mark").get(0).feedback()).hasSize(2);
    }

    @Test
    void resetEmptiesTheViewForAReplay() {
        projection.on(reported(OWN, "sanne", null, REPORTED), 0);
        projection.on(new FeedbackGivenEvent(OWN, "sanne", "Bericht", "mark", REPORTED), "f-1", 1);

        projection.reset();

        assertThat(reportsOf("sanne")).isEmpty();
        projection.on(reported(OWN, "sanne", null, REPORTED), 0);
        assertThat(reportsOf("sanne").get(0).feedback()).isEmpty();
    }

    @Test
    void anErasedReportLeavesTheListAndAReplayWithoutItsReporterBringsNothingBack() {
        projection.on(reported(OWN, "sanne", "kees", REPORTED), 0);
        projection.on(new FeedbackGivenEvent(OWN, "sanne", "Er is een brief gestuurd.", "mark",
                REPORTED.plusSeconds(60)), "e-1", 1);
        projection.on(new PersonalDataErasedEvent(OWN, NOORD, REPORTED.plus(Duration.ofDays(2000))));
        assertThat(reportsOf("sanne")).isEmpty();
        assertThat(reportsOf("kees")).isEmpty();

        // the same events as the event store reads them after the erasure
        projection.reset();
        projection.on(reported(OWN, null, null, REPORTED), 0);
        projection.on(new FeedbackGivenEvent(OWN, null, null, null, REPORTED.plusSeconds(60)), "e-1", 1);
        projection.on(new PersonalDataErasedEvent(OWN, NOORD, REPORTED.plus(Duration.ofDays(2000))));
        assertThat(ViewDatabase.jdbc().sql("select count(*) from query.my_report_feedback where incident_id = ?")
                .param(OWN.value()).query(Long.class).single()).isZero();
        assertThat(reportsOf("sanne")).isEmpty();
    }

    private List<MyReport> reportsOf(String username) {
        return projection.handle(new FindMyReportsQuery(username));
    }

    private MyReportStatus statusOf(String username) {
        return reportsOf(username).get(0).status();
    }

    private static IncidentReportedEvent reported(IncidentId id, String by, String forWhom, Instant at) {
        return new IncidentReportedEvent(id, NOORD, by, at, at.minusSeconds(3600), Setting.CLIENT_HOME,
                Set.of(AggressionKind.VERBAL_ABUSE), Severity.MINOR, "Schold.", true, forWhom, null, null, null,
                false, 1);
    }
}
