package nl.veiligwerken.query.tasks;

import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.api.tasks.FindOpenTasksQuery;
import nl.veiligwerken.api.tasks.TaskSummary;
import nl.veiligwerken.query.queries.FindTaskListQuery;
import nl.veiligwerken.query.queries.TaskListEntry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The open tasks per team, for the team leader's task inbox: the protocol's steps and the follow-up actions,
 * with what each action is about.
 */
@Component
@ProcessingGroup(TaskProjection.PROCESSOR)
class TaskProjection {

    static final String PROCESSOR = "tasks";

    private final TaskRepository tasks;

    TaskProjection(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @EventHandler
    void on(TaskScheduledEvent event) {
        tasks.saveOpen(new TaskListEntry(new TaskSummary(event.taskId(), event.incidentId(), event.teamId(),
                event.step(), event.assigneeRole(), event.scheduledAt(), event.dueAt()), event.assignee()));
    }

    /**
     * What the action is about, for its task: the command side names an action's task
     * {@code <incidentId>:action-<actionId>} and applies this event just before the task's.
     */
    @EventHandler
    void on(FollowUpActionPlannedEvent event) {
        tasks.describeAction(new TaskId(event.incidentId().value() + ":action-" + event.actionId().value()),
                event.description());
    }

    @EventHandler
    void on(TaskCompletedEvent event) {
        tasks.complete(event.taskId(), event.completedAt(), event.late());
    }

    /** No longer required after an amendment: it leaves the list, neither done nor overdue. */
    @EventHandler
    void on(TaskWithdrawnEvent event) {
        tasks.withdraw(event.taskId());
    }

    /**
     * After the retention term (the incident is long closed, its tasks done or withdrawn): whom its actions were
     * for and what they were about go; the rows stay.
     */
    @EventHandler
    void on(PersonalDataErasedEvent event) {
        tasks.erase(event.incidentId());
    }

    /** The shared question, answered without the assignee its answer has no room for. */
    @QueryHandler
    List<TaskSummary> handle(FindOpenTasksQuery query) {
        return tasks.openTasksOf(List.of(query.teamId())).stream().map(TaskListEntry::task).toList();
    }

    @QueryHandler
    List<TaskListEntry> handle(FindTaskListQuery query) {
        return tasks.openTasksOf(query.teams());
    }

    /** A replay starts from an empty table; the events bring every row back. */
    @ResetHandler
    void reset() {
        tasks.deleteAll();
    }
}
