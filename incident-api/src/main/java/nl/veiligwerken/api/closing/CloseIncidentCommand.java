package nl.veiligwerken.api.closing;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** A team leader closes the incident: refused while a required step or a follow-up action is still open. */
public record CloseIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        Actor closedBy,
        Instant closedAt) {
}
