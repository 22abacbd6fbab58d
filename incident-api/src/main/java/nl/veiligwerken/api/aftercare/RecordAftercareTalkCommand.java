package nl.veiligwerken.api.aftercare;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.Set;

/**
 * An aftercare talk or a later check-in with the colleague: held or declined, whether they need more help, and
 * any referral. The incident counts it towards the first aftercare step still open (talk, first check-in,
 * second check-in); with none open it is an extra check-in.
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
