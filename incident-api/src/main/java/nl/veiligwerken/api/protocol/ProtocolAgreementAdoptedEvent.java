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

    public ProtocolAgreementAdoptedEvent {
        steps = List.copyOf(steps);
    }

    public ProtocolAgreement agreement() {
        return new ProtocolAgreement(version, effectiveFrom, steps, retentionYears, adoptedBy);
    }
}
