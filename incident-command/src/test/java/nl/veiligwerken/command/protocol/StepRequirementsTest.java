package nl.veiligwerken.command.protocol;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.protocol.DueTime;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StepRequirementsTest {

    private static final TeamId TEAM = new TeamId("ambulant-noord");
    private static final TeamId OTHER_TEAM = new TeamId("woongroep-zuid");

    private static final Actor LEADER = new Actor("mark", Set.of(Role.TEAM_LEADER), Set.of(TEAM), Set.of(TEAM));
    private static final Actor OTHER_LEADER =
            new Actor("olga", Set.of(Role.TEAM_LEADER), Set.of(OTHER_TEAM), Set.of(OTHER_TEAM));
    private static final Actor PREVENTION_OFFICER = new Actor("petra", Set.of(Role.PREVENTION_OFFICER), Set.of(), Set.of());
    private static final Actor PEER_SUPPORTER =
            new Actor("bram", Set.of(Role.STAFF, Role.PEER_SUPPORTER), Set.of(TEAM), Set.of());
    private static final Actor OTHER_PEER_SUPPORTER =
            new Actor("bo", Set.of(Role.STAFF, Role.PEER_SUPPORTER), Set.of(OTHER_TEAM), Set.of());
    private static final Actor STAFF = new Actor("sanne", Set.of(Role.STAFF), Set.of(TEAM), Set.of());
    private static final Actor MANAGER = new Actor("maria", Set.of(Role.MANAGEMENT), Set.of(), Set.of());

    private static StepAgreement defaults(ProtocolStep step) {
        return DefaultAgreement.steps().stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    private static StepAgreement assignedTo(ProtocolStep step, Role assignee) {
        return new StepAgreement(step, Severity.MINOR, Set.of(), assignee, DueTime.hours(24), Role.MANAGEMENT);
    }

    private static ReportContent report(Severity severity, Aggressor aggressor, Set<Injury> injuries,
                                        AggressionKind... kinds) {
        return new ReportContent(Instant.parse("2026-11-23T08:00:00Z"), Setting.OFFICE, Set.of(kinds), severity,
                "Dreigde met slaan", aggressor, null, injuries, false);
    }

    private static ReportContent report(Severity severity, AggressionKind... kinds) {
        return report(severity, Aggressor.UNKNOWN, Set.of(), kinds);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolStep.class, names = {"FIRST_SUPPORT", "AFTERCARE_TALK", "FEEDBACK"})
    void everyIncidentNeedsFirstSupportTheFirstTalkAndFeedback(ProtocolStep step) {
        assertThat(StepRequirements.requiredByReport(defaults(step), report(Severity.MINOR, AggressionKind.VERBAL_ABUSE)))
                .isTrue();
    }

    @Test
    void anAnalysisIsNeededFromSeriousOn() {
        StepAgreement analysis = defaults(ProtocolStep.INCIDENT_ANALYSIS);

        assertThat(StepRequirements.requiredByReport(analysis, report(Severity.MINOR, AggressionKind.THREAT))).isFalse();
        assertThat(StepRequirements.requiredByReport(analysis, report(Severity.MODERATE, AggressionKind.THREAT))).isFalse();
        assertThat(StepRequirements.requiredByReport(analysis, report(Severity.SERIOUS, AggressionKind.THREAT))).isTrue();
        assertThat(StepRequirements.requiredByReport(analysis, report(Severity.SEVERE, AggressionKind.THREAT))).isTrue();
    }

    @Test
    void aKindAgreedForAStepMakesItRequiredWhateverTheSeverity() {
        StepAgreement analysis = new StepAgreement(ProtocolStep.INCIDENT_ANALYSIS, Severity.SERIOUS,
                Set.of(AggressionKind.SEXUAL_HARASSMENT, AggressionKind.PHYSICAL_VIOLENCE), Role.PREVENTION_OFFICER,
                DueTime.days(14), Role.MANAGEMENT);

        assertThat(StepRequirements.requiredByReport(analysis,
                report(Severity.MINOR, AggressionKind.VERBAL_ABUSE, AggressionKind.SEXUAL_HARASSMENT))).isTrue();
        assertThat(StepRequirements.requiredByReport(analysis, report(Severity.MINOR, AggressionKind.VERBAL_ABUSE)))
                .isFalse();
        assertThat(StepRequirements.requiredByReport(analysis, report(Severity.SEVERE, AggressionKind.VERBAL_ABUSE)))
                .isTrue();
    }

    @Test
    void aStepRequiredOnlyForKindsIgnoresSeverity() {
        StepAgreement analysis = new StepAgreement(ProtocolStep.INCIDENT_ANALYSIS, null,
                Set.of(AggressionKind.DISCRIMINATION), Role.PREVENTION_OFFICER, DueTime.days(14), Role.MANAGEMENT);

        assertThat(StepRequirements.requiredByReport(analysis, report(Severity.SEVERE, AggressionKind.THREAT))).isFalse();
        assertThat(StepRequirements.requiredByReport(analysis, report(Severity.MINOR, AggressionKind.DISCRIMINATION)))
                .isTrue();
    }

    @Test
    void theAggressorIsRespondedToOnlyWhenKnown() {
        StepAgreement response = defaults(ProtocolStep.AGGRESSOR_RESPONSE);

        for (Aggressor known : Set.of(Aggressor.CLIENT, Aggressor.CLIENT_RELATIVE, Aggressor.OTHER_PERSON)) {
            assertThat(StepRequirements.requiredByReport(response,
                    report(Severity.MINOR, known, Set.of(), AggressionKind.THREAT))).as(known.name()).isTrue();
        }
        assertThat(StepRequirements.requiredByReport(response,
                report(Severity.SEVERE, Aggressor.UNKNOWN, Set.of(), AggressionKind.THREAT))).isFalse();
    }

    @Test
    void aKnownAggressorIsNotEnoughWhenTheAgreementDoesNotAskForAResponse() {
        StepAgreement response = new StepAgreement(ProtocolStep.AGGRESSOR_RESPONSE, Severity.SERIOUS,
                Set.of(AggressionKind.THREAT), Role.TEAM_LEADER, DueTime.hours(48), Role.MANAGEMENT);

        assertThat(StepRequirements.requiredByReport(response,
                report(Severity.MINOR, Aggressor.CLIENT, Set.of(), AggressionKind.VERBAL_ABUSE))).isFalse();
        assertThat(StepRequirements.requiredByReport(response,
                report(Severity.MINOR, Aggressor.CLIENT, Set.of(), AggressionKind.THREAT))).isTrue();
        assertThat(StepRequirements.requiredByReport(response,
                report(Severity.MINOR, Aggressor.UNKNOWN, Set.of(), AggressionKind.THREAT))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Injury.class, names = {"HOSPITAL_ADMISSION", "LASTING_PHYSICAL_HARM", "LASTING_PSYCHOLOGICAL_HARM", "DEATH"})
    void aSeriousInjuryMustBeNotifiedToTheLabourInspectorate(Injury injury) {
        assertThat(StepRequirements.requiredByReport(defaults(ProtocolStep.LABOUR_INSPECTORATE),
                report(Severity.MINOR, Aggressor.UNKNOWN, Set.of(Injury.MINOR_INJURY, injury), AggressionKind.THREAT)))
                .isTrue();
    }

    @Test
    void noOrALightInjuryNeedsNoNotification() {
        StepAgreement inspectorate = defaults(ProtocolStep.LABOUR_INSPECTORATE);

        assertThat(StepRequirements.requiredByReport(inspectorate,
                report(Severity.SEVERE, Aggressor.CLIENT, Set.of(), AggressionKind.PHYSICAL_VIOLENCE))).isFalse();
        assertThat(StepRequirements.requiredByReport(inspectorate,
                report(Severity.SEVERE, Aggressor.CLIENT, Set.of(Injury.MINOR_INJURY, Injury.MEDICAL_TREATMENT),
                        AggressionKind.PHYSICAL_VIOLENCE))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolStep.class, names = {"FIRST_CHECK_IN", "SECOND_CHECK_IN"})
    void checkInsFollowTheFirstTalkNotTheReport(ProtocolStep step) {
        assertThat(StepRequirements.requiredByReport(defaults(step), report(Severity.SEVERE, AggressionKind.THREAT)))
                .isFalse();
    }

    @Test
    void aCheckInFollowsASeriousIncident() {
        StepAgreement checkIn = defaults(ProtocolStep.FIRST_CHECK_IN);

        assertThat(StepRequirements.checkInRequired(checkIn, report(Severity.SERIOUS, AggressionKind.THREAT), false,
                AftercareOutcome.HELD)).isTrue();
        assertThat(StepRequirements.checkInRequired(checkIn, report(Severity.MODERATE, AggressionKind.THREAT), false,
                AftercareOutcome.HELD)).isFalse();
    }

    @Test
    void aCheckInFollowsANeedForHelpOrADeclinedTalkWhateverTheSeverity() {
        StepAgreement checkIn = defaults(ProtocolStep.SECOND_CHECK_IN);
        ReportContent minor = report(Severity.MINOR, AggressionKind.VERBAL_ABUSE);

        assertThat(StepRequirements.checkInRequired(checkIn, minor, true, AftercareOutcome.HELD)).isTrue();
        assertThat(StepRequirements.checkInRequired(checkIn, minor, false, AftercareOutcome.DECLINED)).isTrue();
        assertThat(StepRequirements.checkInRequired(checkIn, minor, false, AftercareOutcome.HELD)).isFalse();
    }

    @Test
    void stepsAreDueByTheirAgreementAndTheLabourInspectorateTheSameDay() {
        DueTimes dueTimes = new DueTimes(ZoneId.of("Europe/Amsterdam"));
        Instant reported = Instant.parse("2026-11-23T09:00:00Z");

        assertThat(StepRequirements.dueAt(defaults(ProtocolStep.FIRST_SUPPORT), reported, dueTimes))
                .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(StepRequirements.dueAt(defaults(ProtocolStep.FEEDBACK), reported, dueTimes))
                .isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
        assertThat(StepRequirements.dueAt(defaults(ProtocolStep.LABOUR_INSPECTORATE), reported, dueTimes))
                .isEqualTo(Instant.parse("2026-11-23T22:59:59.999999Z"));
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolStep.class, names = "FOLLOW_UP_ACTION", mode = EnumSource.Mode.EXCLUDE)
    void aLeaderOfTheTeamMayTakeEveryStep(ProtocolStep step) {
        assertThat(StepRequirements.mayTake(LEADER, TEAM, defaults(step))).isTrue();
        assertThat(StepRequirements.mayTake(OTHER_LEADER, TEAM, defaults(step))).isFalse();
    }

    @Test
    void aLeaderOfTheTeamMayTakeAStepWithoutAgreement() {
        assertThat(StepRequirements.mayTake(LEADER, TEAM, null)).isTrue();
        assertThat(StepRequirements.mayTake(PREVENTION_OFFICER, TEAM, null)).isFalse();
        assertThat(StepRequirements.mayTake(STAFF, TEAM, null)).isFalse();
    }

    @Test
    void leadingTheTeamWithoutTheLeadersRoleIsNotEnough() {
        Actor formerLeader = new Actor("mark", Set.of(Role.STAFF), Set.of(TEAM), Set.of(TEAM));

        assertThat(StepRequirements.mayTake(formerLeader, TEAM, defaults(ProtocolStep.FEEDBACK))).isFalse();
    }

    @Test
    void aPreventionOfficerMayTakeTheirStepsForAnyTeam() {
        StepAgreement analysis = defaults(ProtocolStep.INCIDENT_ANALYSIS);

        assertThat(StepRequirements.mayTake(PREVENTION_OFFICER, TEAM, analysis)).isTrue();
        assertThat(StepRequirements.mayTake(PREVENTION_OFFICER, OTHER_TEAM, analysis)).isTrue();
        assertThat(StepRequirements.mayTake(PREVENTION_OFFICER, TEAM, defaults(ProtocolStep.FEEDBACK))).isFalse();
        assertThat(StepRequirements.mayTake(STAFF, TEAM, analysis)).isFalse();
    }

    @Test
    void managementTakesNoStepEvenWhereAnAgreementSaysSo() {
        // management sees aggregated figures only, never an incident's details
        StepAgreement inspectorate = assignedTo(ProtocolStep.LABOUR_INSPECTORATE, Role.MANAGEMENT);

        assertThat(StepRequirements.mayTake(MANAGER, OTHER_TEAM, inspectorate)).isFalse();
        assertThat(StepRequirements.mayTake(MANAGER, TEAM, defaults(ProtocolStep.LABOUR_INSPECTORATE))).isFalse();
    }

    @Test
    void aPeerSupporterMayTakeTheirStepsOnlyForTheirOwnTeam() {
        StepAgreement firstSupport = assignedTo(ProtocolStep.FIRST_SUPPORT, Role.PEER_SUPPORTER);

        assertThat(StepRequirements.mayTake(PEER_SUPPORTER, TEAM, firstSupport)).isTrue();
        assertThat(StepRequirements.mayTake(OTHER_PEER_SUPPORTER, TEAM, firstSupport)).isFalse();
        assertThat(StepRequirements.mayTake(STAFF, TEAM, firstSupport)).as("a colleague without the role").isFalse();
        assertThat(StepRequirements.mayTake(PEER_SUPPORTER, TEAM, defaults(ProtocolStep.FIRST_SUPPORT)))
                .as("when the agreement gives it to the leader").isFalse();
    }

    @Test
    void aStepAgreedForStaffIsForTheTeamsOwnStaffOnly() {
        StepAgreement feedback = assignedTo(ProtocolStep.FEEDBACK, Role.STAFF);

        assertThat(StepRequirements.mayTake(STAFF, TEAM, feedback)).isTrue();
        assertThat(StepRequirements.mayTake(STAFF, OTHER_TEAM, feedback)).isFalse();
    }

    @Test
    void theSecondCheckInIsSixWeeksAfterTheFirstTalkHeldUnlessTheLastTalkWasDeclined() {
        DueTimes dueTimes = new DueTimes(ZoneId.of("Europe/Amsterdam"));
        Instant firstTalk = Instant.parse("2026-11-25T09:00:00Z");
        Instant declined = Instant.parse("2026-12-09T09:00:00Z");
        StepAgreement second = defaults(ProtocolStep.SECOND_CHECK_IN);
        StepAgreement first = defaults(ProtocolStep.FIRST_CHECK_IN);

        assertThat(StepRequirements.checkInDueAt(second, first, firstTalk, declined, AftercareOutcome.HELD, dueTimes))
                .isEqualTo(Instant.parse("2027-01-06T09:00:00Z"));
        assertThat(StepRequirements.checkInDueAt(second, first, firstTalk, declined, AftercareOutcome.DECLINED, dueTimes))
                .as("offered again two weeks after the decline").isEqualTo(Instant.parse("2026-12-23T09:00:00Z"));
    }
}
