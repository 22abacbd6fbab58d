package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.tasks.TaskSummary;

import java.util.Objects;

/**
 * One open task on the task list: the shared summary; {@code assignee}, the username of the person a
 * follow-up action is for (null for protocol steps, which are for whoever holds the summary's
 * {@code assigneeRole}); and {@code description}, what a follow-up action is about (null for protocol steps).
 * Kept here, next to the summary, because {@code TaskSummary} is part of the shared contract in incident-api.
 */
public record TaskListEntry(TaskSummary task, String assignee, String description) {

    public TaskListEntry {
        Objects.requireNonNull(task, "task");
    }

    /** A task without a description: a protocol step, or an action whose description is not known. */
    public TaskListEntry(TaskSummary task, String assignee) {
        this(task, assignee, null);
    }
}
