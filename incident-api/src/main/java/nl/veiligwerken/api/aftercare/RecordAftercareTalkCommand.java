package nl.veiligwerken.api.aftercare;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.Set;

/**
 * An aftercare talk or a later check-in with the colleague: held or declined, whether they need more help, and
 * any referral. Talks are counted in order: the first is the aftercare talk, the second the first check-in, the
 * third the second check-in, any later one an extra check-in (no step). A talk completes its step's task when
 * that task is open.
 */
public record RecordAftercareTalkCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        Instant heldAt,
        AftercareOutcome outcome,
        boolean needsMoreHelp,
        Set<Referral> referrals,
        Actor recordedBy,
        Instant recordedAt) {

    public RecordAftercareTalkCommand {
        referrals = referrals == null ? Set.of() : Set.copyOf(referrals);
    }
}
