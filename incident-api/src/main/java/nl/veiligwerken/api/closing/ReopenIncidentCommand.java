package nl.veiligwerken.api.closing;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** A team leader reopens a closed incident, saying why (new information, a late reaction, ...). */
public record ReopenIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String reason,
        Actor reopenedBy,
        Instant reopenedAt) {
}
