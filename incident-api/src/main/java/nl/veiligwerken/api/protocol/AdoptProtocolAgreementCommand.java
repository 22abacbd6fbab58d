package nl.veiligwerken.api.protocol;

import nl.veiligwerken.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * A prevention officer adopts a new version of the agreements; it applies to incidents reported from then on.
 * {@code basedOnVersion} is the version the person edited: when someone adopted another version meanwhile,
 * the command is refused rather than silently undoing their change. 0 for the very first version.
 */
public record AdoptProtocolAgreementCommand(
        @TargetAggregateIdentifier String protocolId,
        int basedOnVersion,
        List<StepAgreement> steps,
        int retentionYears,
        Actor adoptedBy,
        Instant adoptedAt) {

    /** There is one set of agreements per installation (one organisation). */
    public static final String ORGANISATION = "organisation";

    public AdoptProtocolAgreementCommand {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
