package nl.veiligwerken.api.aftercare;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;

import java.time.Instant;

/**
 * What other services learn of an aftercare talk (Kafka type {@code nl.veiligwerken.incident.aftercare-talk-recorded.v1}):
 * with whom, whether it was held, and the signal for the next check-in; no referrals, nothing that was said.
 */
public record AftercareTalkNotice(
        IncidentId incidentId,
        TeamId teamId,
        ProtocolStep step,
        String colleague,
        Instant heldAt,
        AftercareOutcome outcome,
        boolean needsMoreHelp) {
}
