package nl.veiligwerken.api.followup;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** The action's owner or a team leader records that the action was done, and with what result. */
public record CompleteFollowUpActionCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        ActionId actionId,
        String result,
        Instant completedAt,
        Actor completedBy,
        Instant recordedAt) {
}
