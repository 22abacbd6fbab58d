package nl.veiligwerken.query.tasks;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.tasks.FindOpenTasksQuery;
import nl.veiligwerken.api.tasks.TaskSummary;
import nl.veiligwerken.query.queries.FindTaskListQuery;
import nl.veiligwerken.query.queries.FindTaskViewVersionQuery;
import nl.veiligwerken.query.queries.TaskListEntry;
import nl.veiligwerken.query.ViewDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskProjectionTest {

    private static final TeamId NOORD = new TeamId("noord");
    private static final TeamId ZUID = new TeamId("zuid");
    private static final Instant REPORTED = Instant.parse("2026-03-02T09:15:00Z");

    private TaskProjection projection;
    private TaskViewProgress progress;

    @BeforeEach
    void emptyView() {
        TaskRepository repository = new TaskRepository(ViewDatabase.jdbc());
        projection = new TaskProjection(repository);
        progress = new TaskViewProgress(repository);
        projection.reset();
        progress.reset();
    }

    @Test
    void aLeaderOfSeveralTeamsGetsTheirTasksInOneListEarliestDueFirst() {
        projection.on(scheduled("noord-late", NOORD, REPORTED.plus(Duration.ofDays(3))));
        projection.on(scheduled("zuid-soon", ZUID, REPORTED.plus(Duration.ofHours(3))));
        projection.on(scheduled("noord-soon", NOORD, REPORTED.plus(Duration.ofHours(5))));
        projection.on(scheduled("west", new TeamId("west"), REPORTED.plus(Duration.ofHours(1))));

        assertThat(projection.handle(new FindTaskListQuery(List.of(NOORD, ZUID))))
                .extracting(entry -> entry.task().taskId().value())
                .containsExactly("zuid-soon", "noord-soon", "noord-late");
    }

    @Test
    void aFollowUpActionTakesItsDescriptionFromThePlanningThatCameFirst() {
        IncidentId incident = new IncidentId("incident-a");
        ActionId actionId = new ActionId("7");
        Instant due = REPORTED.plus(Duration.ofDays(10));
        TaskScheduledEvent task = new TaskScheduledEvent(new TaskId("incident-a:action-7"), incident, NOORD,
                ProtocolStep.FOLLOW_UP_ACTION, null, REPORTED, due, "sanne");

        projection.on(planned(incident, actionId, "Gesprek met de moeder plannen"));
        projection.on(task);
        projection.on(scheduled("step", NOORD, due.plusSeconds(60)));

        assertThat(projection.handle(new FindTaskListQuery(NOORD)))
                .extracting(TaskListEntry::description)
                .containsExactly("Gesprek met de moeder plannen", null);

        // a replay delivers both again: still one row, still described
        projection.on(planned(incident, actionId, "Gesprek met de moeder plannen"));
        projection.on(task);
        assertThat(projection.handle(new FindTaskListQuery(NOORD)))
                .extracting(TaskListEntry::description)
                .containsExactly("Gesprek met de moeder plannen", null);
    }

    @Test
    void aDescriptionArrivingAfterItsTaskStillReachesIt() {
        IncidentId incident = new IncidentId("incident-b");
        projection.on(new TaskScheduledEvent(new TaskId("incident-b:action-1"), incident, NOORD,
                ProtocolStep.FOLLOW_UP_ACTION, null, REPORTED, REPORTED.plus(Duration.ofDays(1)), "sanne"));

        projection.on(planned(incident, new ActionId("1"), "Brief sturen"));

        assertThat(projection.handle(new FindTaskListQuery(NOORD))).singleElement()
                .extracting(TaskListEntry::description).isEqualTo("Brief sturen");
    }

    @Test
    void theViewKnowsHowFarItGotWithEachIncidentAndNeverGoesBack() {
        assertThat(progress.handle(new FindTaskViewVersionQuery(new IncidentId("incident-a")))).isNull();

        progress.on("any event", incidentEvent("incident-a", 0));
        progress.on("any event", incidentEvent("incident-a", 4));
        progress.on("delivered again", incidentEvent("incident-a", 2));
        progress.on("another incident", incidentEvent("incident-b", 1));
        progress.on("not an incident's", new GenericDomainEventMessage<>("Protocol", "incident-a", 9, "x"));

        assertThat(progress.handle(new FindTaskViewVersionQuery(new IncidentId("incident-a")))).isEqualTo(4L);
        assertThat(progress.handle(new FindTaskViewVersionQuery(new IncidentId("incident-b")))).isEqualTo(1L);

        progress.reset();
        assertThat(progress.handle(new FindTaskViewVersionQuery(new IncidentId("incident-a")))).isNull();
    }

    @Test
    void scheduledTaskBecomesAnOpenTaskOfItsTeam() {
        TaskScheduledEvent event = scheduled("t-1", NOORD, REPORTED.plus(Duration.ofHours(24)));

        projection.on(event);

        assertThat(projection.handle(new FindOpenTasksQuery(NOORD))).containsExactly(new TaskSummary(
                event.taskId(), event.incidentId(), NOORD, ProtocolStep.FIRST_SUPPORT, Role.TEAM_LEADER,
                REPORTED, REPORTED.plus(Duration.ofHours(24))));
        assertThat(projection.handle(new FindOpenTasksQuery(ZUID))).isEmpty();
    }

    @Test
    void aProtocolStepIsForARoleAndNoOneInParticular() {
        TaskScheduledEvent event = scheduled("t-1", NOORD, REPORTED.plus(Duration.ofHours(24)));

        projection.on(event);

        assertThat(projection.handle(new FindTaskListQuery(NOORD))).containsExactly(new TaskListEntry(new TaskSummary(
                event.taskId(), event.incidentId(), NOORD, ProtocolStep.FIRST_SUPPORT, Role.TEAM_LEADER,
                REPORTED, REPORTED.plus(Duration.ofHours(24))), null));
    }

    @Test
    void aFollowUpActionIsForItsOwnerAndNoRole() {
        Instant due = REPORTED.plus(Duration.ofDays(10));
        TaskScheduledEvent action = new TaskScheduledEvent(new TaskId("incident-a:action-1"), new IncidentId("incident-a"),
                NOORD, ProtocolStep.FOLLOW_UP_ACTION, null, REPORTED, due, "sanne");

        projection.on(action);

        TaskSummary summary = new TaskSummary(action.taskId(), action.incidentId(), NOORD,
                ProtocolStep.FOLLOW_UP_ACTION, null, REPORTED, due);
        assertThat(projection.handle(new FindTaskListQuery(NOORD))).containsExactly(new TaskListEntry(summary, "sanne"));
        // the shared question has no room for the owner, but still lists the action
        assertThat(projection.handle(new FindOpenTasksQuery(NOORD))).containsExactly(summary);
    }

    @Test
    void replayedEventLeavesOneRowWithTheEventsValues() {
        projection.on(scheduled("t-1", NOORD, REPORTED.plus(Duration.ofHours(24))));
        projection.on(scheduled("t-1", NOORD, REPORTED.plus(Duration.ofHours(48))));

        assertThat(projection.handle(new FindOpenTasksQuery(NOORD)))
                .singleElement()
                .extracting(TaskSummary::dueAt).isEqualTo(REPORTED.plus(Duration.ofHours(48)));
    }

    @Test
    void aCompletedTaskLeavesTheOpenList() {
        TaskScheduledEvent done = scheduled("done", NOORD, REPORTED.plus(Duration.ofHours(24)));
        projection.on(done);
        projection.on(scheduled("still-open", NOORD, REPORTED.plus(Duration.ofHours(30))));

        projection.on(new TaskCompletedEvent(done.taskId(), done.incidentId(), NOORD, ProtocolStep.FIRST_SUPPORT,
                done.dueAt(), REPORTED.plus(Duration.ofHours(26)), true));

        assertThat(projection.handle(new FindOpenTasksQuery(NOORD)))
                .extracting(task -> task.taskId().value())
                .containsExactly("still-open");
    }

    @Test
    void aWithdrawnTaskLeavesTheOpenList() {
        TaskScheduledEvent analysis = scheduled("analysis", NOORD, REPORTED.plus(Duration.ofDays(14)));
        projection.on(analysis);
        projection.on(scheduled("still-open", NOORD, REPORTED.plus(Duration.ofHours(30))));

        projection.on(new TaskWithdrawnEvent(analysis.taskId(), analysis.incidentId(), NOORD,
                ProtocolStep.INCIDENT_ANALYSIS, REPORTED.plus(Duration.ofDays(1))));

        assertThat(projection.handle(new FindTaskListQuery(NOORD)))
                .extracting(entry -> entry.task().taskId().value())
                .containsExactly("still-open");
    }

    @Test
    void openTasksComeEarliestDueFirst() {
        projection.on(scheduled("late", NOORD, REPORTED.plus(Duration.ofDays(7))));
        projection.on(scheduled("soon", NOORD, REPORTED.plus(Duration.ofHours(2))));
        projection.on(scheduled("middle", NOORD, REPORTED.plus(Duration.ofDays(1))));
        projection.on(scheduled("elsewhere", ZUID, REPORTED.plus(Duration.ofHours(1))));

        assertThat(projection.handle(new FindOpenTasksQuery(NOORD)))
                .extracting(task -> task.taskId().value())
                .containsExactly("soon", "middle", "late");
    }

    @Test
    void timesSurviveTheRoundTripToTheMicrosecond() {
        Instant due = Instant.parse("2026-03-03T09:15:00.123456Z");
        projection.on(scheduled("t-1", NOORD, due));

        assertThat(projection.handle(new FindOpenTasksQuery(NOORD)).get(0).dueAt()).isEqualTo(due);
    }

    @Test
    void aCompletedFollowUpActionLeavesTheOpenList() {
        TaskScheduledEvent action = new TaskScheduledEvent(new TaskId("incident-a:action-1"), new IncidentId("incident-a"),
                NOORD, ProtocolStep.FOLLOW_UP_ACTION, null, REPORTED, REPORTED.plus(Duration.ofDays(10)), "sanne");
        projection.on(action);

        projection.on(new TaskCompletedEvent(action.taskId(), action.incidentId(), NOORD, ProtocolStep.FOLLOW_UP_ACTION,
                action.dueAt(), REPORTED.plus(Duration.ofDays(2)), false));

        assertThat(projection.handle(new FindTaskListQuery(NOORD))).isEmpty();
    }

    @Test
    void resetEmptiesTheViewForAReplay() {
        projection.on(scheduled("t-1", NOORD, REPORTED.plus(Duration.ofHours(24))));

        projection.reset();

        assertThat(projection.handle(new FindOpenTasksQuery(NOORD))).isEmpty();
        assertThat(projection.handle(new FindTaskListQuery(NOORD))).isEmpty();
    }

    private static DomainEventMessage<?> incidentEvent(String incidentId, long sequence) {
        return new GenericDomainEventMessage<>("Incident", incidentId, sequence, "payload");
    }

    private static FollowUpActionPlannedEvent planned(IncidentId incident, ActionId action, String description) {
        return new FollowUpActionPlannedEvent(incident, action, FollowUpKind.OTHER, description, "sanne",
                REPORTED.plus(Duration.ofDays(10)), false, "mark", REPORTED);
    }

    private static TaskScheduledEvent scheduled(String taskId, TeamId team, Instant dueAt) {
        return new TaskScheduledEvent(new TaskId(taskId), new IncidentId("incident-" + taskId), team,
                ProtocolStep.FIRST_SUPPORT, Role.TEAM_LEADER, REPORTED, dueAt.truncatedTo(ChronoUnit.MICROS), null);
    }
}
