package nl.veiligwerken.api.firstsupport;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A team leader assigned a peer supporter to give the colleague collegial first support. */
@Revision("1")
public record PeerSupporterAssignedEvent(
        IncidentId incidentId,
        TeamId teamId,
        @PersonalData String peerSupporter,
        @PersonalData String assignedBy,
        Instant assignedAt) {
}
