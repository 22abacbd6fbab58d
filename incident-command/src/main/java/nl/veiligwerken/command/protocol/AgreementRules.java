package nl.veiligwerken.command.protocol;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.protocol.DueTime;
import nl.veiligwerken.api.protocol.DueUnit;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.StepAgreement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a version of the agreements must hold: every step once, someone to do it, a due time that is a
 * positive whole number of hours, days or working days (at most a year), a second check-in after the first, and a retention
 * term. The Labour Inspectorate's due time is set by law and cannot be agreed.
 */
public final class AgreementRules {

    /** One thing wrong: the step it is about (null: the agreement as a whole), the field, the message key. */
    public record Problem(ProtocolStep step, String field, String messageKey) {
    }

    public static final int MAX_RETENTION_YEARS = 30;
    /** Who can be given a step: management sees aggregated figures only, staff and admins follow no incident. */
    public static final List<Role> ASSIGNABLE = List.of(Role.TEAM_LEADER, Role.PEER_SUPPORTER, Role.PREVENTION_OFFICER);
    /** A year: more is a typing error, not an agreement. */
    public static final int MAX_DAYS = 365;
    public static final int MAX_HOURS = 24 * MAX_DAYS;

    private AgreementRules() {
    }

    public static List<Problem> problems(List<StepAgreement> steps, int retentionYears) {
        List<Problem> problems = new ArrayList<>();
        Map<ProtocolStep, StepAgreement> byStep = new EnumMap<>(ProtocolStep.class);
        for (StepAgreement agreement : steps) {
            if (agreement == null || agreement.step() == null) {
                problems.add(new Problem(null, "steps", "protocol.rejected.stepMissing"));
            } else if (!agreement.step().isAgreed()) {
                problems.add(new Problem(agreement.step(), "steps", "protocol.rejected.stepNotAgreed"));
            } else if (byStep.put(agreement.step(), agreement) != null) {
                problems.add(new Problem(agreement.step(), "steps", "protocol.rejected.stepTwice"));
            }
        }
        for (ProtocolStep step : ProtocolStep.values()) {
            StepAgreement agreement = byStep.get(step);
            if (step.isAgreed() && agreement == null) {
                problems.add(new Problem(step, "steps", "protocol.rejected.stepMissing"));
            } else if (agreement != null) {
                check(agreement, problems);
            }
        }
        StepAgreement first = byStep.get(ProtocolStep.FIRST_CHECK_IN);
        StepAgreement second = byStep.get(ProtocolStep.SECOND_CHECK_IN);
        if (first != null && second != null && valid(first.due()) && valid(second.due())
                && roughly(second.due()).compareTo(roughly(first.due())) <= 0) {
            problems.add(new Problem(ProtocolStep.SECOND_CHECK_IN, "amount", "protocol.rejected.secondCheckInNotLater"));
        }
        if (retentionYears < 1 || retentionYears > MAX_RETENTION_YEARS) {
            problems.add(new Problem(null, "retentionYears", "protocol.rejected.retentionYears"));
        }
        return problems;
    }

    private static void check(StepAgreement agreement, List<Problem> problems) {
        ProtocolStep step = agreement.step();
        if (agreement.assignee() == null) {
            problems.add(new Problem(step, "assignee", "protocol.rejected.assigneeMissing"));
        } else if (!ASSIGNABLE.contains(agreement.assignee())) {
            problems.add(new Problem(step, "assignee", "protocol.rejected.assigneeNotAllowed"));
        }
        if (step == ProtocolStep.LABOUR_INSPECTORATE) {
            if (agreement.due() != null) {
                problems.add(new Problem(step, "amount", "protocol.rejected.dueSetByLaw"));
            }
            return;
        }
        DueTime due = agreement.due();
        if (due == null || due.unit() == null) {
            problems.add(new Problem(step, "unit", "protocol.rejected.unitMissing"));
        } else if (due.amount() < 1 || due.amount() > (due.unit() == DueUnit.HOURS ? MAX_HOURS : MAX_DAYS)) {
            problems.add(new Problem(step, "amount", "protocol.rejected.amountOutOfRange"));
        }
    }

    private static boolean valid(DueTime due) {
        return due != null && due.unit() != null && due.amount() >= 1;
    }

    /** Only to compare two due times: a working day counted as 7/5 of a calendar day. */
    private static Duration roughly(DueTime due) {
        return switch (due.unit()) {
            case HOURS -> Duration.ofHours(due.amount());
            case DAYS -> Duration.ofDays(due.amount());
            case WORKING_DAYS -> Duration.ofHours(due.amount() * 24L * 7 / 5);
        };
    }
}
