package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.tasks.TaskSummary;
import nl.veiligwerken.query.queries.TaskListEntry;

import java.time.Instant;

/**
 * One open task in {@code GET /api/tasks}; {@code overdue} is judged at the moment of the request. A protocol
 * step is for whoever holds {@code assigneeRole}; a follow-up action is for {@code assignee} (a username) and has
 * no role. {@code actionUrl} is the command service's page that does the step (null if there is none).
 */
record TaskJson(TaskId taskId, IncidentId incidentId, TeamId teamId, ProtocolStep step, Role assigneeRole,
                String assignee, Instant scheduledAt, Instant dueAt, boolean overdue, String actionUrl) {

    static TaskJson of(TaskListEntry entry, Instant now, String commandBaseUrl) {
        TaskSummary task = entry.task();
        return new TaskJson(task.taskId(), task.incidentId(), task.teamId(), task.step(), task.assigneeRole(),
                entry.assignee(), task.scheduledAt(), task.dueAt(), task.isOverdueAt(now),
                CommandPages.forTask(task.step(), task.incidentId(), task.taskId())
                        .map(path -> commandBaseUrl + path).orElse(null));
    }
}
