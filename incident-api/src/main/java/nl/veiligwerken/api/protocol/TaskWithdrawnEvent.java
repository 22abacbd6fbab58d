package nl.veiligwerken.api.protocol;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An open task is no longer required: the report was amended and, under the incident's agreements, the new
 * content does not call for the step (a severity lowered, an aggressor who turned out unknown). Not done, not
 * overdue: it drops out of the task list and of the compliance counts.
 */
@Revision("1")
public record TaskWithdrawnEvent(
        TaskId taskId,
        IncidentId incidentId,
        TeamId teamId,
        ProtocolStep step,
        Instant withdrawnAt) {
}
