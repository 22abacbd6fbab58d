package nl.veiligwerken.command.web.protocol;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.protocol.DueUnit;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Severity;

import java.util.List;
import java.util.Set;

/**
 * A new version of the agreements as a prevention officer fills it in, on the page or as JSON: one row per
 * agreed step. {@code basedOnVersion} is the version the person edited. The numbers are text, as typed:
 * "abc" in a number field is a mistake to point out on that field, not a request that cannot be read.
 */
record ProtocolForm(Integer basedOnVersion, List<Row> steps, String retentionYears) {

    /**
     * One step's agreement. {@code requiredFrom} null: not by severity, only for {@code requiredForKinds};
     * the Labour Inspectorate's due time and conditions are set by law and have no amount or unit.
     */
    record Row(ProtocolStep step, Severity requiredFrom, Set<AggressionKind> requiredForKinds, Role assignee,
               String amount, DueUnit unit, Role escalateTo) {

        public Row {
            // an empty checkbox value binds as null: not a kind
            requiredForKinds = requiredForKinds == null ? Set.of()
                    : requiredForKinds.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        static Row of(StepAgreement agreement) {
            return new Row(agreement.step(), agreement.requiredFrom(), agreement.requiredForKinds(),
                    agreement.assignee(), agreement.due() == null ? null : String.valueOf(agreement.due().amount()),
                    agreement.due() == null ? null : agreement.due().unit(), agreement.escalateTo());
        }

        public boolean setByLaw() {
            return step == ProtocolStep.LABOUR_INSPECTORATE;
        }
    }

    public ProtocolForm {
        steps = steps == null ? List.of() : steps;
    }
}
