package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.tasks.TaskSummary;

import java.util.Objects;

/**
 * One open task on the task list: the shared summary, and {@code assignee}, the username of the person a
 * follow-up action is for (null for protocol steps, which are for whoever holds the summary's
 * {@code assigneeRole}). Kept here, next to the summary, because {@code TaskSummary} is part of the shared
 * contract in incident-api.
 */
public record TaskListEntry(TaskSummary task, String assignee) {

    public TaskListEntry {
        Objects.requireNonNull(task, "task");
    }
}
