package nl.veiligwerken.api.protocol;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A task of the protocol was not done by its due time: the agreement is not being kept. Whose task it was
 * ({@code assigneeRole} in the team, or the named {@code assignee} of a follow-up action) and who is to hear of
 * it ({@code escalateTo}, from the incident's agreements) travel with it, so a notifier needs nothing else;
 * all three are null in events from before they were recorded. Published on Kafka as
 * {@code nl.veiligwerken.incident.task-overdue.v1}.
 */
@Revision("1")
public record TaskOverdueEvent(
        TaskId taskId,
        IncidentId incidentId,
        TeamId teamId,
        ProtocolStep step,
        Instant dueAt,
        Role assigneeRole,
        @PersonalData String assignee,
        Role escalateTo) {
}
