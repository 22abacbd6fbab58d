package nl.veiligwerken.api.closing;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The incident was closed: every step the protocol required for it was done. */
@Revision("1")
public record IncidentClosedEvent(IncidentId incidentId, @PersonalData String closedBy, Instant closedAt) {
}
