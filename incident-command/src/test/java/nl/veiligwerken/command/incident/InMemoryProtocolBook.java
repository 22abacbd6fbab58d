package nl.veiligwerken.command.incident;

import nl.veiligwerken.api.protocol.ProtocolAgreement;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.command.protocol.AgreementRules;
import nl.veiligwerken.command.protocol.DefaultAgreement;
import nl.veiligwerken.command.protocol.ProtocolBook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The protocol book of the aggregate's tests: version 1 the defaults, in force from the start, and what is added. */
final class InMemoryProtocolBook implements ProtocolBook {

    private final List<ProtocolAgreement> versions = new ArrayList<>();

    InMemoryProtocolBook() {
        versions.add(new ProtocolAgreement(1, Instant.EPOCH, DefaultAgreement.steps(), DefaultAgreement.RETENTION_YEARS,
                "system"));
    }

    /** Adds the next version, in force from {@code effectiveFrom}; it must be one the organisation could adopt. */
    InMemoryProtocolBook adopt(List<StepAgreement> steps, Instant effectiveFrom) {
        List<AgreementRules.Problem> problems = AgreementRules.problems(steps, DefaultAgreement.RETENTION_YEARS);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("a test agreement breaks the rules: " + problems);
        }
        versions.add(new ProtocolAgreement(versions.size() + 1, effectiveFrom, steps, DefaultAgreement.RETENTION_YEARS,
                "petra"));
        return this;
    }

    @Override
    public ProtocolAgreement inForceAt(Instant moment) {
        return versions.stream()
                .filter(version -> !version.effectiveFrom().isAfter(moment))
                .max(Comparator.comparingInt(ProtocolAgreement::version))
                .orElseThrow();
    }

    @Override
    public ProtocolAgreement version(int version) {
        return versions.stream()
                .filter(agreement -> agreement.version() == version)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("protocol version " + version + " was never adopted"));
    }
}
