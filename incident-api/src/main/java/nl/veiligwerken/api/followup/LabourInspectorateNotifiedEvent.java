package nl.veiligwerken.api.followup;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The employer notified the Labour Inspectorate of the serious injury (Arbowet art. 9). */
@Revision("1")
public record LabourInspectorateNotifiedEvent(
        IncidentId incidentId,
        Instant notifiedAt,
        @PersonalData String reference,
        @PersonalData String recordedBy,
        Instant recordedAt) {
}
