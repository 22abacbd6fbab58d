package nl.veiligwerken.api.aftercare;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * An aftercare talk with {@code colleague} (the person the incident happened to) was held or declined.
 * {@code step} is the aftercare step it counts for; null for an extra check-in beyond the agreements.
 */
@Revision("1")
public record AftercareTalkRecordedEvent(
        IncidentId incidentId,
        ProtocolStep step,
        String colleague,
        Instant heldAt,
        AftercareOutcome outcome,
        boolean needsMoreHelp,
        Set<Referral> referrals,
        String recordedBy,
        Instant recordedAt) {

    public AftercareTalkRecordedEvent {
        referrals = referrals == null ? Set.of() : Set.copyOf(referrals);
    }
}
