package nl.veiligwerken.api.closing;

import nl.veiligwerken.api.IncidentId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A closed incident was reopened. */
@Revision("1")
public record IncidentReopenedEvent(IncidentId incidentId, String reason, String reopenedBy, Instant reopenedAt) {
}
