package nl.veiligwerken.api.followup;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A follow-up action was planned; it is also a task (step FOLLOW_UP_ACTION) for {@code owner}. */
@Revision("1")
public record FollowUpActionPlannedEvent(
        IncidentId incidentId,
        ActionId actionId,
        FollowUpKind kind,
        @PersonalData(keptWhen = "kind=PREVENTIVE_MEASURE") String description,
        @PersonalData String owner,
        Instant dueAt,
        boolean byEmployer,
        @PersonalData String plannedBy,
        Instant plannedAt) {
}
