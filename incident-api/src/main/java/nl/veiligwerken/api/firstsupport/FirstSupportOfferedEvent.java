package nl.veiligwerken.api.firstsupport;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Collegial first support was offered to the colleague, who accepted or declined it. */
@Revision("1")
public record FirstSupportOfferedEvent(
        IncidentId incidentId,
        @PersonalData String offeredBy,
        Instant offeredAt,
        FirstSupportResponse response,
        @PersonalData String recordedBy,
        Instant recordedAt) {
}
