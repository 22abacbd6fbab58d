package nl.veiligwerken.api.followup;

import nl.veiligwerken.api.IncidentId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The employer notified the Labour Inspectorate of the serious injury (Arbowet art. 9). */
@Revision("1")
public record LabourInspectorateNotifiedEvent(
        IncidentId incidentId,
        Instant notifiedAt,
        String reference,
        String recordedBy,
        Instant recordedAt) {
}
