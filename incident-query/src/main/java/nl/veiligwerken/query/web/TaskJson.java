package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.tasks.TaskSummary;

import java.time.Instant;

/** One open task in {@code GET /api/tasks}; {@code overdue} is judged at the moment of the request. */
record TaskJson(TaskId taskId, IncidentId incidentId, TeamId teamId, ProtocolStep step, Role assigneeRole,
                Instant scheduledAt, Instant dueAt, boolean overdue) {

    static TaskJson of(TaskSummary task, Instant now) {
        return new TaskJson(task.taskId(), task.incidentId(), task.teamId(), task.step(), task.assigneeRole(),
                task.scheduledAt(), task.dueAt(), task.isOverdueAt(now));
    }
}
