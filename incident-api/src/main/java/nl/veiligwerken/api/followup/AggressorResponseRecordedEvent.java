package nl.veiligwerken.api.followup;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/** The aggressor was responded to. */
@Revision("1")
public record AggressorResponseRecordedEvent(
        IncidentId incidentId,
        Set<AggressorResponse> responses,
        @PersonalData String explanation,
        Instant respondedAt,
        @PersonalData String recordedBy,
        Instant recordedAt) {

    public AggressorResponseRecordedEvent {
        responses = Set.copyOf(responses);
    }
}
