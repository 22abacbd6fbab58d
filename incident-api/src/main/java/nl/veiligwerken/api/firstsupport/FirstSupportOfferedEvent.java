package nl.veiligwerken.api.firstsupport;

import nl.veiligwerken.api.IncidentId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Collegial first support was offered to the colleague, who accepted or declined it. */
@Revision("1")
public record FirstSupportOfferedEvent(
        IncidentId incidentId,
        String offeredBy,
        Instant offeredAt,
        FirstSupportResponse response,
        String recordedBy,
        Instant recordedAt) {
}
