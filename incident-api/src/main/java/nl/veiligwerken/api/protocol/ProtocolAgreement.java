package nl.veiligwerken.api.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of the organisation's protocol agreements (werkafspraken). A version applies to incidents
 * reported from {@code effectiveFrom} on, until a newer one takes over; an incident keeps the version it was
 * reported under.
 *
 * @param retentionYears how many years after closing an incident's personal data is kept
 */
public record ProtocolAgreement(
        int version,
        Instant effectiveFrom,
        List<StepAgreement> steps,
        int retentionYears,
        String adoptedBy) {

    public ProtocolAgreement {
        steps = List.copyOf(steps);
    }

    public Optional<StepAgreement> step(ProtocolStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }
}
