package nl.veiligwerken.api.closing;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.Set;

/** A team leader reopens a closed incident, saying why (new information, a late reaction, ...). */
public record ReopenIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String reason,
        String reopenedBy,
        Set<TeamId> reopenedByLeads,
        Instant reopenedAt) {

    public ReopenIncidentCommand {
        reopenedByLeads = Set.copyOf(reopenedByLeads);
    }
}
