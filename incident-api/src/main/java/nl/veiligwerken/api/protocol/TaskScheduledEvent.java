package nl.veiligwerken.api.protocol;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A step of the protocol became a task for whoever holds {@code assigneeRole} in the incident's team, due at
 * {@code dueAt}; a follow-up action is for one named person, {@code assignee} (null for the other steps, and in
 * events from before actions existed). Published on Kafka as {@code nl.veiligwerken.incident.task-scheduled.v1}.
 */
@Revision("1")
public record TaskScheduledEvent(
        TaskId taskId,
        IncidentId incidentId,
        TeamId teamId,
        ProtocolStep step,
        Role assigneeRole,
        Instant scheduledAt,
        Instant dueAt,
        @PersonalData String assignee) {
}
