package nl.veiligwerken.api.firstsupport;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * A team leader assigns a peer supporter (by username) to give the colleague collegial first support; the
 * assigned peer supporter may then record it, whatever the agreements give the step to. Until first support is
 * recorded the leader may assign someone else: the latest assignment counts.
 */
public record AssignPeerSupporterCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String peerSupporter,
        Actor assignedBy,
        Instant assignedAt) {
}
