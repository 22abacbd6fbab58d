package nl.veiligwerken.query.tasks;

import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.tasks.FindOpenTasksQuery;
import nl.veiligwerken.api.tasks.TaskSummary;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** The open tasks per team, for the team leader's task list. */
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
        tasks.saveOpen(new TaskSummary(event.taskId(), event.incidentId(), event.teamId(), event.step(),
                event.assigneeRole(), event.scheduledAt(), event.dueAt()));
    }

    @EventHandler
    void on(TaskCompletedEvent event) {
        tasks.complete(event.taskId(), event.completedAt(), event.late());
    }

    @QueryHandler
    List<TaskSummary> handle(FindOpenTasksQuery query) {
        return tasks.openTasksOf(query.teamId());
    }

    /** A replay starts from an empty table; the events bring every row back. */
    @ResetHandler
    void reset() {
        tasks.deleteAll();
    }
}
