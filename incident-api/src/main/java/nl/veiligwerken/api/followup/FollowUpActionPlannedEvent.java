package nl.veiligwerken.api.followup;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A follow-up action was planned; it is also a task (step FOLLOW_UP_ACTION) for {@code owner}. */
@Revision("1")
public record FollowUpActionPlannedEvent(
        IncidentId incidentId,
        ActionId actionId,
        FollowUpKind kind,
        String description,
        String owner,
        Instant dueAt,
        boolean byEmployer,
        String plannedBy,
        Instant plannedAt) {
}
