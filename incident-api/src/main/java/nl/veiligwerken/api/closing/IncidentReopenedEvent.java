package nl.veiligwerken.api.closing;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A closed incident was reopened. */
@Revision("1")
public record IncidentReopenedEvent(IncidentId incidentId, @PersonalData String reason, @PersonalData String reopenedBy, Instant reopenedAt) {
}
