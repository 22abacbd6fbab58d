package nl.veiligwerken.api.closing;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.Set;

/** A team leader closes the incident: refused while a step the protocol requires is still open. */
public record CloseIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String closedBy,
        Set<TeamId> closedByLeads,
        Instant closedAt) {

    public CloseIncidentCommand {
        closedByLeads = Set.copyOf(closedByLeads);
    }
}
