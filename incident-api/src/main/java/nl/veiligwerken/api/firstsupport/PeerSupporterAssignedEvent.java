package nl.veiligwerken.api.firstsupport;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A team leader assigned a peer supporter to give the colleague collegial first support. */
@Revision("1")
public record PeerSupporterAssignedEvent(
        IncidentId incidentId,
        TeamId teamId,
        String peerSupporter,
        String assignedBy,
        Instant assignedAt) {
}
