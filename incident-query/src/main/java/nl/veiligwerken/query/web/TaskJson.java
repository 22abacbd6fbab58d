package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.tasks.TaskSummary;
import nl.veiligwerken.query.queries.TaskListEntry;

import java.time.Duration;
import java.time.Instant;

/**
 * One open task in {@code GET /api/tasks}; {@code section} and {@code overdue} are judged at the moment of the
 * request. A protocol step is for whoever holds {@code assigneeRole}; a follow-up action is for {@code assignee}
 * (a username), has no role, and says what it is about in {@code description}. {@code actionUrl} is the command
 * service's page that does the step (null if there is none).
 */
record TaskJson(TaskId taskId, IncidentId incidentId, TeamId teamId, ProtocolStep step, Role assigneeRole,
                String assignee, String description, Instant scheduledAt, Instant dueAt, TaskSection section,
                boolean overdue, String actionUrl) {

    static TaskJson of(TaskListEntry entry, Instant now, Duration dueSoon, String commandBaseUrl) {
        TaskSummary task = entry.task();
        return new TaskJson(task.taskId(), task.incidentId(), task.teamId(), task.step(), task.assigneeRole(),
                entry.assignee(), entry.description(), task.scheduledAt(), task.dueAt(),
                TaskSection.of(task, now, dueSoon), task.isOverdueAt(now),
                CommandPages.forTask(task.step(), task.incidentId(), task.taskId())
                        .map(path -> commandBaseUrl + path).orElse(null));
    }
}
