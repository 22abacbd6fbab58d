package nl.veiligwerken.command.protocol;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.protocol.DueTime;
import nl.veiligwerken.api.protocol.DueUnit;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.command.protocol.AgreementRules.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementRulesTest {

    private static final int RETENTION = DefaultAgreement.RETENTION_YEARS;

    /** The defaults with one step's agreement changed. */
    private static List<StepAgreement> defaultsWith(ProtocolStep step, UnaryOperator<StepAgreement> change) {
        return DefaultAgreement.steps().stream().map(s -> s.step() == step ? change.apply(s) : s).toList();
    }

    private static UnaryOperator<StepAgreement> due(DueTime due) {
        return s -> new StepAgreement(s.step(), s.requiredFrom(), s.requiredForKinds(), s.assignee(), due, s.escalateTo());
    }

    @Test
    void theDefaultsHaveNoProblems() {
        assertThat(AgreementRules.problems(DefaultAgreement.steps(), RETENTION)).isEmpty();
    }

    @Test
    void aNegativeAmountIsRefused() {
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.FEEDBACK, due(new DueTime(-3, DueUnit.DAYS))), RETENTION))
                .containsExactly(new Problem(ProtocolStep.FEEDBACK, "amount", "protocol.rejected.amountOutOfRange"));
    }

    @Test
    void aZeroOrMissingAmountIsRefused() {
        // a number field left empty reaches the agreement as 0
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.FIRST_SUPPORT, due(new DueTime(0, DueUnit.HOURS))), RETENTION))
                .containsExactly(new Problem(ProtocolStep.FIRST_SUPPORT, "amount", "protocol.rejected.amountOutOfRange"));
    }

    @Test
    void anAmountOverAYearIsRefusedAndAYearIsAllowed() {
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.INCIDENT_ANALYSIS, due(DueTime.days(366))), RETENTION))
                .containsExactly(new Problem(ProtocolStep.INCIDENT_ANALYSIS, "amount", "protocol.rejected.amountOutOfRange"));
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.INCIDENT_ANALYSIS, due(DueTime.days(365))), RETENTION))
                .isEmpty();
    }

    @Test
    void hoursGoUpToAYearToo() {
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.FIRST_SUPPORT, due(DueTime.hours(8760))), RETENTION))
                .isEmpty();
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.FIRST_SUPPORT, due(DueTime.hours(8761))), RETENTION))
                .containsExactly(new Problem(ProtocolStep.FIRST_SUPPORT, "amount", "protocol.rejected.amountOutOfRange"));
    }

    @Test
    void aMissingUnitIsRefused() {
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.FEEDBACK, due(new DueTime(7, null))), RETENTION))
                .containsExactly(new Problem(ProtocolStep.FEEDBACK, "unit", "protocol.rejected.unitMissing"));
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.FEEDBACK, due(null)), RETENTION))
                .containsExactly(new Problem(ProtocolStep.FEEDBACK, "unit", "protocol.rejected.unitMissing"));
    }

    @Test
    void aMissingAssigneeIsRefused() {
        List<StepAgreement> steps = defaultsWith(ProtocolStep.AFTERCARE_TALK,
                s -> new StepAgreement(s.step(), s.requiredFrom(), s.requiredForKinds(), null, s.due(), s.escalateTo()));

        assertThat(AgreementRules.problems(steps, RETENTION))
                .containsExactly(new Problem(ProtocolStep.AFTERCARE_TALK, "assignee", "protocol.rejected.assigneeMissing"));
    }

    @Test
    void managementIsNotGivenAStep() {
        List<StepAgreement> steps = defaultsWith(ProtocolStep.LABOUR_INSPECTORATE,
                s -> new StepAgreement(s.step(), s.requiredFrom(), s.requiredForKinds(), Role.MANAGEMENT, s.due(), s.escalateTo()));

        assertThat(AgreementRules.problems(steps, RETENTION))
                .containsExactly(new Problem(ProtocolStep.LABOUR_INSPECTORATE, "assignee", "protocol.rejected.assigneeNotAllowed"));
    }

    @Test
    void aMissingStepIsRefused() {
        List<StepAgreement> steps = DefaultAgreement.steps().stream()
                .filter(s -> s.step() != ProtocolStep.AGGRESSOR_RESPONSE).toList();

        assertThat(AgreementRules.problems(steps, RETENTION))
                .containsExactly(new Problem(ProtocolStep.AGGRESSOR_RESPONSE, "steps", "protocol.rejected.stepMissing"));
    }

    @Test
    void aStepWithoutItsNameIsRefused() {
        List<StepAgreement> steps = new ArrayList<>(DefaultAgreement.steps());
        steps.add(new StepAgreement(null, Severity.MINOR, Set.of(), Role.TEAM_LEADER, DueTime.days(1), Role.MANAGEMENT));

        assertThat(AgreementRules.problems(steps, RETENTION))
                .containsExactly(new Problem(null, "steps", "protocol.rejected.stepMissing"));
    }

    @Test
    void aStepTwiceIsRefused() {
        List<StepAgreement> steps = new ArrayList<>(DefaultAgreement.steps());
        steps.add(new StepAgreement(ProtocolStep.FEEDBACK, Severity.MINOR, Set.of(), Role.TEAM_LEADER,
                DueTime.workingDays(3), Role.MANAGEMENT));

        assertThat(AgreementRules.problems(steps, RETENTION))
                .containsExactly(new Problem(ProtocolStep.FEEDBACK, "steps", "protocol.rejected.stepTwice"));
    }

    @Test
    void followUpActionsAreNoAgreedStep() {
        List<StepAgreement> steps = new ArrayList<>(DefaultAgreement.steps());
        steps.add(new StepAgreement(ProtocolStep.FOLLOW_UP_ACTION, Severity.MINOR, Set.of(), Role.TEAM_LEADER,
                DueTime.days(14), Role.MANAGEMENT));

        assertThat(AgreementRules.problems(steps, RETENTION))
                .containsExactly(new Problem(ProtocolStep.FOLLOW_UP_ACTION, "steps", "protocol.rejected.stepNotAgreed"));
    }

    @Test
    void theLabourInspectoratesDueTimeIsSetByLaw() {
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.LABOUR_INSPECTORATE, due(DueTime.days(3))), RETENTION))
                .containsExactly(new Problem(ProtocolStep.LABOUR_INSPECTORATE, "amount", "protocol.rejected.dueSetByLaw"));
    }

    @Test
    void theLabourInspectorateStillNeedsSomeoneToDoIt() {
        List<StepAgreement> steps = defaultsWith(ProtocolStep.LABOUR_INSPECTORATE,
                s -> new StepAgreement(s.step(), null, Set.of(), null, null, s.escalateTo()));

        assertThat(AgreementRules.problems(steps, RETENTION))
                .containsExactly(new Problem(ProtocolStep.LABOUR_INSPECTORATE, "assignee", "protocol.rejected.assigneeMissing"));
    }

    @Test
    void theSecondCheckInMustFallAfterTheFirst() {
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.SECOND_CHECK_IN, due(DueTime.days(14))), RETENTION))
                .as("on the same day").containsExactly(
                        new Problem(ProtocolStep.SECOND_CHECK_IN, "amount", "protocol.rejected.secondCheckInNotLater"));
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.SECOND_CHECK_IN, due(DueTime.days(10))), RETENTION))
                .as("earlier").containsExactly(
                        new Problem(ProtocolStep.SECOND_CHECK_IN, "amount", "protocol.rejected.secondCheckInNotLater"));
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.SECOND_CHECK_IN, due(DueTime.hours(350))), RETENTION))
                .as("350 hours is later than 14 days").isEmpty();
    }

    @Test
    void workingDaysCountAsMoreThanCalendarDaysWhenComparingTheCheckIns() {
        // 10 working days are two weeks: not later than 14 calendar days
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.SECOND_CHECK_IN, due(DueTime.workingDays(10))), RETENTION))
                .containsExactly(new Problem(ProtocolStep.SECOND_CHECK_IN, "amount", "protocol.rejected.secondCheckInNotLater"));
        assertThat(AgreementRules.problems(defaultsWith(ProtocolStep.SECOND_CHECK_IN, due(DueTime.workingDays(11))), RETENTION))
                .isEmpty();
    }

    @Test
    void theRetentionTermIsOneToThirtyYears() {
        assertThat(AgreementRules.problems(DefaultAgreement.steps(), 0))
                .containsExactly(new Problem(null, "retentionYears", "protocol.rejected.retentionYears"));
        assertThat(AgreementRules.problems(DefaultAgreement.steps(), 31))
                .containsExactly(new Problem(null, "retentionYears", "protocol.rejected.retentionYears"));
        assertThat(AgreementRules.problems(DefaultAgreement.steps(), 1)).isEmpty();
        assertThat(AgreementRules.problems(DefaultAgreement.steps(), 30)).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<StepAgreement> steps = defaultsWith(ProtocolStep.FIRST_SUPPORT,
                s -> new StepAgreement(s.step(), s.requiredFrom(), s.requiredForKinds(), null, new DueTime(0, DueUnit.HOURS),
                        s.escalateTo()));

        assertThat(AgreementRules.problems(steps, 0)).containsExactlyInAnyOrder(
                new Problem(ProtocolStep.FIRST_SUPPORT, "assignee", "protocol.rejected.assigneeMissing"),
                new Problem(ProtocolStep.FIRST_SUPPORT, "amount", "protocol.rejected.amountOutOfRange"),
                new Problem(null, "retentionYears", "protocol.rejected.retentionYears"));
    }
}
