package nl.veiligwerken.api.protocol;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Severity;

import java.util.Set;

/**
 * One agreement: when a step is required, who does it, within what time, and who hears when it is overdue.
 * A step is required for incidents of at least {@code requiredFrom} (null: not by severity) and for every
 * incident with one of {@code requiredForKinds}, whatever its severity.
 *
 * <p>Some conditions are part of the step itself, not of the agreement: the response to the aggressor only
 * when the aggressor is known; check-ins also when an earlier talk found a need for more help or was declined;
 * the Labour Inspectorate only after serious injury, and by law the same day.
 */
public record StepAgreement(
        ProtocolStep step,
        Severity requiredFrom,
        Set<AggressionKind> requiredForKinds,
        Role assignee,
        DueTime due,
        Role escalateTo) {

    public StepAgreement {
        requiredForKinds = requiredForKinds == null ? Set.of() : Set.copyOf(requiredForKinds);
    }

    public boolean requiredFor(Severity severity, Set<AggressionKind> kinds) {
        return (requiredFrom != null && severity != null && severity.isAtLeast(requiredFrom))
                || kinds.stream().anyMatch(requiredForKinds::contains);
    }
}
