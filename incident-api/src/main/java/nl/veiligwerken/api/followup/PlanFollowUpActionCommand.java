package nl.veiligwerken.api.followup;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * A team leader plans a follow-up action: what, who does it ({@code owner}, a username), by when.
 * {@code byEmployer} for a police report filed by the employer on the employee's behalf.
 */
public record PlanFollowUpActionCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        ActionId actionId,
        FollowUpKind kind,
        String description,
        String owner,
        Instant dueAt,
        boolean byEmployer,
        Actor plannedBy,
        Instant plannedAt) {
}
