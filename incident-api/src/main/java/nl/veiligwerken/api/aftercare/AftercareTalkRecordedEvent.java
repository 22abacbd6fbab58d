package nl.veiligwerken.api.aftercare;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * An aftercare talk with {@code colleague} (the person the incident happened to) was held or declined.
 * {@code step} is the aftercare step it counts for; null for an extra check-in beyond the agreements.
 * {@code teamId}, the incident's team, was added later in revision 1: null in events from before it was recorded
 * (the team is the incident's, which never changes, so a reader that needs it looks it up by {@code incidentId}).
 */
@Revision("1")
public record AftercareTalkRecordedEvent(
        IncidentId incidentId,
        ProtocolStep step,
        @PersonalData String colleague,
        Instant heldAt,
        AftercareOutcome outcome,
        boolean needsMoreHelp,
        Set<Referral> referrals,
        @PersonalData String recordedBy,
        Instant recordedAt,
        TeamId teamId) {

    public AftercareTalkRecordedEvent {
        referrals = referrals == null ? Set.of() : Set.copyOf(referrals);
    }

    /** Without the team: as events from before it was recorded read. */
    public AftercareTalkRecordedEvent(IncidentId incidentId, ProtocolStep step, String colleague, Instant heldAt,
                                      AftercareOutcome outcome, boolean needsMoreHelp, Set<Referral> referrals,
                                      String recordedBy, Instant recordedAt) {
        this(incidentId, step, colleague, heldAt, outcome, needsMoreHelp, referrals, recordedBy, recordedAt, null);
    }
}
