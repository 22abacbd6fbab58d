package nl.veiligwerken.api.followup;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A follow-up action was done. */
@Revision("1")
public record FollowUpActionCompletedEvent(
        IncidentId incidentId,
        ActionId actionId,
        @PersonalData String result,
        Instant completedAt,
        @PersonalData String completedBy,
        Instant recordedAt) {
}
