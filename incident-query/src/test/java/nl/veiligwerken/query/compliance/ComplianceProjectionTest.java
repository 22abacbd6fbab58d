package nl.veiligwerken.query.compliance;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.query.ViewDatabase;
import nl.veiligwerken.query.queries.ComplianceIncident;
import nl.veiligwerken.query.queries.ComplianceOutcome;
import nl.veiligwerken.query.queries.ComplianceRow;
import nl.veiligwerken.query.queries.FindComplianceIncidentsQuery;
import nl.veiligwerken.query.queries.FindComplianceQuery;
import nl.veiligwerken.query.queries.FindOrganisationComplianceQuery;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.query.queries.TeamComplianceRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceProjectionTest {

    private static final TeamId NOORD = new TeamId("noord");
    private static final TeamId ZUID = new TeamId("zuid");
    private static final Quarter Q3 = new Quarter(2026, 3);
    /** Tuesday 8 September 2026, 10:00 in Amsterdam. */
    private static final Instant REPORTED = Instant.parse("2026-09-08T08:00:00Z");

    private ComplianceProjection projection;

    @BeforeEach
    void emptyView() {
        projection = new ComplianceProjection(new ComplianceRepository(ViewDatabase.jdbc()),
                new OrganisationTime(ZoneId.of("Europe/Amsterdam"), Clock.systemUTC()));
        projection.reset();
    }

    @Test
    void eachStepCountsRequiredOnTimeLateOverdueAndOpen() {
        reported("a", NOORD, REPORTED, 1);
        reported("b", NOORD, REPORTED, 1);
        reported("c", NOORD, REPORTED, 2);
        reported("d", NOORD, REPORTED, 2);
        // first support: a on time, b late, c overdue and still not done, d not due yet
        TaskScheduledEvent a = scheduled("a", ProtocolStep.FIRST_SUPPORT, Duration.ofHours(24));
        TaskScheduledEvent b = scheduled("b", ProtocolStep.FIRST_SUPPORT, Duration.ofHours(24));
        TaskScheduledEvent c = scheduled("c", ProtocolStep.FIRST_SUPPORT, Duration.ofHours(12));
        scheduled("d", ProtocolStep.FIRST_SUPPORT, Duration.ofDays(200));
        projection.on(completed(a, a.dueAt().minus(Duration.ofHours(3)), false));
        projection.on(overdue(b));
        projection.on(completed(b, b.dueAt().plus(Duration.ofHours(3)), true));
        projection.on(overdue(c));
        // feedback: required twice, once withdrawn after an amendment
        TaskScheduledEvent feedback = scheduled("a", ProtocolStep.FEEDBACK, Duration.ofDays(9));
        scheduled("b", ProtocolStep.FEEDBACK, Duration.ofDays(9));
        projection.on(new TaskWithdrawnEvent(feedback.taskId(), feedback.incidentId(), NOORD, ProtocolStep.FEEDBACK,
                REPORTED.plus(Duration.ofDays(1))));

        assertThat(projection.handle(new FindComplianceQuery(NOORD, Q3))).containsExactlyInAnyOrder(
                new ComplianceRow(ProtocolStep.FIRST_SUPPORT, 4, 1, 1, 1, 1),
                new ComplianceRow(ProtocolStep.FEEDBACK, 1, 0, 0, 0, 1));
        assertThat(projection.handle(new FindComplianceQuery(ZUID, Q3))).isEmpty();
    }

    @Test
    void theOrganisationsRowsAreEveryTeamsRowsOfTheQuarter() {
        reported("a", NOORD, REPORTED, 1);
        reported("z", ZUID, REPORTED, 1);
        TaskScheduledEvent a = scheduled("a", ProtocolStep.FIRST_SUPPORT, Duration.ofHours(24));
        projection.on(completed(a, a.dueAt().plus(Duration.ofHours(1)), true));
        scheduled("z", ProtocolStep.FIRST_SUPPORT, Duration.ofHours(24));
        scheduled("z", ProtocolStep.FEEDBACK, Duration.ofDays(9));

        assertThat(projection.handle(new FindOrganisationComplianceQuery(Q3))).containsExactly(
                new TeamComplianceRow(NOORD, new ComplianceRow(ProtocolStep.FIRST_SUPPORT, 1, 0, 1, 0, 0)),
                new TeamComplianceRow(ZUID, new ComplianceRow(ProtocolStep.FEEDBACK, 1, 0, 0, 0, 1)),
                new TeamComplianceRow(ZUID, new ComplianceRow(ProtocolStep.FIRST_SUPPORT, 1, 0, 0, 0, 1)));
        assertThat(projection.handle(new FindOrganisationComplianceQuery(new Quarter(2026, 4)))).isEmpty();
    }

    @Test
    void anIncidentCountsInTheQuarterItWasReportedInOnTheOrganisationsCalendar() {
        // 30 September 23:30 in UTC is already 1 October in Amsterdam: the fourth quarter
        reported("late-evening", NOORD, Instant.parse("2026-09-30T23:30:00Z"), 1);
        scheduled("late-evening", ProtocolStep.FIRST_SUPPORT, Duration.ofHours(24));

        assertThat(projection.handle(new FindComplianceQuery(NOORD, Q3))).isEmpty();
        assertThat(projection.handle(new FindComplianceQuery(NOORD, new Quarter(2026, 4))))
                .containsExactly(new ComplianceRow(ProtocolStep.FIRST_SUPPORT, 1, 0, 0, 0, 1));
    }

    @Test
    void followUpActionsAreNotStepsOfTheAgreements() {
        reported("a", NOORD, REPORTED, 1);
        projection.on(new TaskScheduledEvent(new TaskId("a:action-1"), new IncidentId("a"), NOORD,
                ProtocolStep.FOLLOW_UP_ACTION, null, REPORTED, REPORTED.plus(Duration.ofDays(5)), "sanne"));

        assertThat(projection.handle(new FindComplianceQuery(NOORD, Q3))).isEmpty();
    }

    @Test
    void theNumbersDrillDownToTheIncidentsAndTheVersionEachWasHeldTo() {
        reported("a", NOORD, REPORTED, 1);
        reported("b", NOORD, REPORTED, 2);
        TaskScheduledEvent a = scheduled("a", ProtocolStep.FIRST_SUPPORT, Duration.ofHours(24));
        TaskScheduledEvent b = scheduled("b", ProtocolStep.FIRST_SUPPORT, Duration.ofHours(12));
        projection.on(overdue(b));
        projection.on(completed(a, a.dueAt().plus(Duration.ofHours(1)), true));

        assertThat(projection.handle(new FindComplianceIncidentsQuery(NOORD, Q3, ProtocolStep.FIRST_SUPPORT, null)))
                .extracting(ComplianceIncident::incidentId, ComplianceIncident::protocolVersion, ComplianceIncident::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new IncidentId("b"), 2, ComplianceOutcome.OVERDUE),
                        org.assertj.core.groups.Tuple.tuple(new IncidentId("a"), 1, ComplianceOutcome.LATE));
        assertThat(projection.handle(new FindComplianceIncidentsQuery(NOORD, Q3, ProtocolStep.FIRST_SUPPORT,
                ComplianceOutcome.LATE))).singleElement()
                .satisfies(late -> assertThat(late.completedAt()).isEqualTo(a.dueAt().plus(Duration.ofHours(1))));
    }

    @Test
    void aReplayOfTheSameEventsGivesTheSameCounts() {
        reported("a", NOORD, REPORTED, 1);
        TaskScheduledEvent a = scheduled("a", ProtocolStep.FIRST_SUPPORT, Duration.ofHours(24));
        projection.on(completed(a, a.dueAt(), false));
        // delivered again, in order
        reported("a", NOORD, REPORTED, 1);
        projection.on(a);
        projection.on(completed(a, a.dueAt(), false));

        assertThat(projection.handle(new FindComplianceQuery(NOORD, Q3)))
                .containsExactly(new ComplianceRow(ProtocolStep.FIRST_SUPPORT, 1, 1, 0, 0, 0));
    }

    private void reported(String id, TeamId team, Instant at, int protocolVersion) {
        projection.on(new IncidentReportedEvent(new IncidentId(id), team, "sanne", at, at.minus(Duration.ofHours(1)),
                Setting.OFFICE, Set.of(AggressionKind.THREAT), Severity.MODERATE, "Dreigde", true, null, null, null,
                null, false, protocolVersion));
    }

    private TaskScheduledEvent scheduled(String incident, ProtocolStep step, Duration due) {
        TaskScheduledEvent event = new TaskScheduledEvent(new TaskId(incident + ":" + step.name().toLowerCase()),
                new IncidentId(incident), NOORD, step, Role.TEAM_LEADER, REPORTED, REPORTED.plus(due), null);
        projection.on(event);
        return event;
    }

    private static TaskCompletedEvent completed(TaskScheduledEvent task, Instant at, boolean late) {
        return new TaskCompletedEvent(task.taskId(), task.incidentId(), task.teamId(), task.step(), task.dueAt(), at, late);
    }

    private static TaskOverdueEvent overdue(TaskScheduledEvent task) {
        return new TaskOverdueEvent(task.taskId(), task.incidentId(), task.teamId(), task.step(), task.dueAt(),
                task.assigneeRole(), task.assignee(), null);
    }
}
