package nl.veiligwerken.api.tasks;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;

import java.time.Instant;

/** One open task as the team leader's task list shows it. */
public record TaskSummary(
        TaskId taskId,
        IncidentId incidentId,
        TeamId teamId,
        ProtocolStep step,
        Role assigneeRole,
        Instant scheduledAt,
        Instant dueAt) {

    public boolean isOverdueAt(Instant now) {
        return now.isAfter(dueAt);
    }
}
