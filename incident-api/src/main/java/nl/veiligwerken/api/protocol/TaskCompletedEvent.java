package nl.veiligwerken.api.protocol;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A task of the protocol was done. {@code late} when it was done after its due time: a breach of the
 * agreement, recorded as a fact for the compliance views.
 */
@Revision("1")
public record TaskCompletedEvent(
        TaskId taskId,
        IncidentId incidentId,
        TeamId teamId,
        ProtocolStep step,
        Instant dueAt,
        Instant completedAt,
        boolean late) {
}
