package nl.veiligwerken.command.web.protocol;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.protocol.DueUnit;
import nl.veiligwerken.api.protocol.ProtocolAgreement;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A version of the agreements as the JSON API gives it: the steps in the shape a new version is sent in
 * ({@link ProtocolForm.Row}), so a client can read the current version, change it and send it back.
 */
record AgreementView(int version, Instant effectiveFrom, String adoptedBy, int retentionYears, List<Step> steps) {

    record Step(ProtocolStep step, Severity requiredFrom, Set<AggressionKind> requiredForKinds, Role assignee,
                Integer amount, DueUnit unit, Role escalateTo) {
    }

    /** One line of the list of versions. */
    record Summary(int version, Instant effectiveFrom, String adoptedBy) {

        static Summary of(ProtocolAgreement agreement) {
            return new Summary(agreement.version(), agreement.effectiveFrom(), agreement.adoptedBy());
        }
    }

    static AgreementView of(ProtocolAgreement agreement) {
        return new AgreementView(agreement.version(), agreement.effectiveFrom(), agreement.adoptedBy(),
                agreement.retentionYears(), agreement.steps().stream()
                .map(s -> new Step(s.step(), s.requiredFrom(), s.requiredForKinds(), s.assignee(),
                        s.due() == null ? null : s.due().amount(), s.due() == null ? null : s.due().unit(),
                        s.escalateTo()))
                .toList());
    }
}
