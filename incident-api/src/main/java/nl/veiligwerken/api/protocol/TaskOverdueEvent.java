package nl.veiligwerken.api.protocol;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A task of the protocol was not done by its due time: the agreement is not being kept. */
@Revision("1")
public record TaskOverdueEvent(
        TaskId taskId,
        IncidentId incidentId,
        TeamId teamId,
        ProtocolStep step,
        Instant dueAt) {
}
