package nl.veiligwerken.command.incident;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;

import java.util.Locale;

/**
 * How an incident's tasks are named and when they fall due: the task ids in its events and the persistent
 * deadline that makes an open task overdue. One place, because events written without the aggregate (the demo's
 * recent incidents) must leave their open tasks in the same state as the aggregate would.
 */
public final class TaskDeadlines {

    private static final String ACTION_PREFIX = ":action-";

    private TaskDeadlines() {
    }

    static TaskId task(IncidentId incident, ProtocolStep step) {
        return new TaskId(incident + ":" + step.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static TaskId task(IncidentId incident, ActionId action) {
        return new TaskId(incident + ACTION_PREFIX + action.value());
    }

    static String name(ProtocolStep step) {
        return "task-due-" + step.name();
    }

    static String name(ActionId action) {
        return "task-due-action-" + action.value();
    }

    /**
     * Schedules the deadline of a task whose {@link TaskScheduledEvent} was written outside the aggregate, exactly
     * as the aggregate schedules its own: at its due time, in the incident's scope.
     */
    public static void schedule(DeadlineManager deadlines, TaskScheduledEvent task) {
        AggregateScopeDescriptor scope = new AggregateScopeDescriptor(Incident.class.getSimpleName(),
                task.incidentId().value());
        if (task.step() == ProtocolStep.FOLLOW_UP_ACTION) {
            String id = task.taskId().value();
            ActionId action = new ActionId(id.substring(id.indexOf(ACTION_PREFIX) + ACTION_PREFIX.length()));
            deadlines.schedule(task.dueAt(), name(action), task.taskId(), scope);
        } else {
            deadlines.schedule(task.dueAt(), name(task.step()), task.step(), scope);
        }
    }
}
