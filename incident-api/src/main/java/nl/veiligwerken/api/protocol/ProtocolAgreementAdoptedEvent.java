package nl.veiligwerken.api.protocol;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A new version of the protocol agreements was adopted and is in force from {@code effectiveFrom}. */
@Revision("1")
public record ProtocolAgreementAdoptedEvent(
        String protocolId,
        int version,
        Instant effectiveFrom,
        List<StepAgreement> steps,
        int retentionYears,
        String adoptedBy) {

    /** The term when an adoption stored before the term was part of the agreements reads without one. */
    public static final int DEFAULT_RETENTION_YEARS = 5;

    public ProtocolAgreementAdoptedEvent {
        steps = List.copyOf(steps);
        // never adopted below 1: 0 is the absent field of an older event
        retentionYears = retentionYears < 1 ? DEFAULT_RETENTION_YEARS : retentionYears;
    }

    public ProtocolAgreement agreement() {
        return new ProtocolAgreement(version, effectiveFrom, steps, retentionYears, adoptedBy);
    }
}
