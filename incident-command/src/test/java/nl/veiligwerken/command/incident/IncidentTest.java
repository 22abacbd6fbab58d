package nl.veiligwerken.command.incident;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.aftercare.RecordAftercareTalkCommand;
import nl.veiligwerken.api.aftercare.Referral;
import nl.veiligwerken.api.analysis.IncidentAnalysedEvent;
import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.LearningPoint;
import nl.veiligwerken.api.analysis.PreventiveMeasure;
import nl.veiligwerken.api.analysis.RecordIncidentAnalysisCommand;
import nl.veiligwerken.api.analysis.Skill;
import nl.veiligwerken.api.closing.CloseIncidentCommand;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.closing.ReopenIncidentCommand;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.feedback.GiveFeedbackCommand;
import nl.veiligwerken.api.firstsupport.AssignPeerSupporterCommand;
import nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportResponse;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.firstsupport.RecordFirstSupportCommand;
import nl.veiligwerken.api.followup.AggressorResponse;
import nl.veiligwerken.api.followup.AggressorResponseRecordedEvent;
import nl.veiligwerken.api.followup.CompleteFollowUpActionCommand;
import nl.veiligwerken.api.followup.FollowUpActionCompletedEvent;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.api.followup.LabourInspectorateNotifiedEvent;
import nl.veiligwerken.api.followup.PlanFollowUpActionCommand;
import nl.veiligwerken.api.followup.RecordAggressorResponseCommand;
import nl.veiligwerken.api.followup.RecordLabourInspectorateNotificationCommand;
import nl.veiligwerken.api.protocol.DueTime;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.AmendReportCommand;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.platform.test.InMemoryIncidentKeys;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.ReportIncidentCommand;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.command.protocol.DueTimes;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static nl.veiligwerken.api.protocol.ProtocolStep.AFTERCARE_TALK;
import static nl.veiligwerken.api.protocol.ProtocolStep.AGGRESSOR_RESPONSE;
import static nl.veiligwerken.api.protocol.ProtocolStep.FEEDBACK;
import static nl.veiligwerken.api.protocol.ProtocolStep.FIRST_CHECK_IN;
import static nl.veiligwerken.api.protocol.ProtocolStep.FIRST_SUPPORT;
import static nl.veiligwerken.api.protocol.ProtocolStep.FOLLOW_UP_ACTION;
import static nl.veiligwerken.api.protocol.ProtocolStep.INCIDENT_ANALYSIS;
import static nl.veiligwerken.api.protocol.ProtocolStep.LABOUR_INSPECTORATE;
import static nl.veiligwerken.api.protocol.ProtocolStep.SECOND_CHECK_IN;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The incident's life under the protocol agreements: version 1 (the defaults) for incidents reported before
 * {@link #V2_FROM}, a stricter version 2 from then on. Moments are in November 2026 unless said otherwise;
 * the organisation's clock is Europe/Amsterdam (UTC+1 then).
 */
class IncidentTest {

    private static final IncidentId ID = new IncidentId("incident-1");
    private static final TeamId TEAM = new TeamId("ambulant-noord");
    private static final TeamId OTHER_TEAM = new TeamId("woongroep-zuid");

    private static final Actor SANNE = new Actor("sanne", Set.of(Role.STAFF), Set.of(TEAM), Set.of());
    private static final Actor KEES = new Actor("kees", Set.of(Role.STAFF), Set.of(TEAM), Set.of());
    private static final Actor MARK = new Actor("mark", Set.of(Role.STAFF, Role.TEAM_LEADER), Set.of(TEAM), Set.of(TEAM));
    private static final Actor OLGA =
            new Actor("olga", Set.of(Role.STAFF, Role.TEAM_LEADER), Set.of(OTHER_TEAM), Set.of(OTHER_TEAM));
    private static final Actor PETRA = new Actor("petra", Set.of(Role.PREVENTION_OFFICER), Set.of(), Set.of());
    private static final Actor BRAM = new Actor("bram", Set.of(Role.STAFF, Role.PEER_SUPPORTER), Set.of(TEAM), Set.of());

    /** Monday 23 November 2026, 10:00 in Amsterdam. */
    private static final Instant REPORTED = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant OCCURRED = REPORTED.minus(Duration.ofHours(2));
    // version 1's due times for an incident reported at REPORTED
    private static final Instant FIRST_SUPPORT_DUE = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant AGGRESSOR_RESPONSE_DUE = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant AFTERCARE_TALK_DUE = Instant.parse("2026-11-26T09:00:00Z");
    /** 7 working days: Tuesday 24 November is the first, Wednesday 2 December the seventh. */
    private static final Instant FEEDBACK_DUE = Instant.parse("2026-12-02T09:00:00Z");
    private static final Instant ANALYSIS_DUE = Instant.parse("2026-12-07T09:00:00Z");
    /** The same day in Amsterdam: 23:59:59.999999 local time. */
    private static final Instant LABOUR_INSPECTORATE_DUE = Instant.parse("2026-11-23T22:59:59.999999Z");

    /** Version 2 of the agreements: quicker; first support and check-ins by a peer supporter, check-ins from moderate on. */
    private static final Instant V2_FROM = Instant.parse("2026-12-01T00:00:00Z");
    /** Monday 7 December 2026, 10:00 in Amsterdam. */
    private static final Instant REPORTED_V2 = Instant.parse("2026-12-07T09:00:00Z");

    /** When a leader assigns a peer supporter: half an hour after the report. */
    private static final Instant ASSIGNED = REPORTED.plus(Duration.ofMinutes(30));

    private static final ActionId ACTION = new ActionId("a1");
    private static final TaskId ACTION_TASK = new TaskId("incident-1:action-a1");
    /** Four events: the report and the tasks for first support, the first talk and feedback. */
    private static final long VERSION_AFTER_MINOR_REPORT = 3L;

    /** A fixture of its own for each given: the stub deadline manager keeps its deadlines across givens. */
    private static AggregateTestFixture<Incident> fixture() {
        return fixture(new InMemoryIncidentKeys());
    }

    private static AggregateTestFixture<Incident> fixture(InMemoryIncidentKeys keys) {
        AggregateTestFixture<Incident> fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(new InMemoryProtocolBook().adopt(version2(), V2_FROM));
        fixture.registerInjectableResource(new DueTimes(ZoneId.of("Europe/Amsterdam")));
        fixture.registerInjectableResource(keys);
        fixture.registerInjectableResource(Clock.fixed(ERASED_AT, ZoneId.of("Europe/Amsterdam")));
        return fixture;
    }

    /** Version 3, from {@link #V3_FROM}: version 2, but the prevention officer hears of every overdue step. */
    private static final Instant V3_FROM = Instant.parse("2026-12-07T10:00:00Z");
    /** Monday 14 December 2026, 10:00 in Amsterdam. */
    private static final Instant REPORTED_V3 = Instant.parse("2026-12-14T09:00:00Z");

    private static AggregateTestFixture<Incident> fixtureWithVersion3() {
        AggregateTestFixture<Incident> fixture = new AggregateTestFixture<>(Incident.class);
        List<StepAgreement> version3 = version2().stream()
                .map(s -> new StepAgreement(s.step(), s.requiredFrom(), s.requiredForKinds(), s.assignee(), s.due(),
                        Role.PREVENTION_OFFICER))
                .toList();
        fixture.registerInjectableResource(new InMemoryProtocolBook().adopt(version2(), V2_FROM).adopt(version3, V3_FROM));
        fixture.registerInjectableResource(new DueTimes(ZoneId.of("Europe/Amsterdam")));
        fixture.registerInjectableResource(new InMemoryIncidentKeys());
        fixture.registerInjectableResource(Clock.fixed(ERASED_AT, ZoneId.of("Europe/Amsterdam")));
        return fixture;
    }

    private static List<StepAgreement> version2() {
        return List.of(
                new StepAgreement(FIRST_SUPPORT, Severity.MINOR, Set.of(), Role.PEER_SUPPORTER, DueTime.hours(4), Role.TEAM_LEADER),
                new StepAgreement(AFTERCARE_TALK, Severity.MINOR, Set.of(), Role.TEAM_LEADER, DueTime.hours(48), Role.MANAGEMENT),
                new StepAgreement(FIRST_CHECK_IN, Severity.MODERATE, Set.of(), Role.PEER_SUPPORTER, DueTime.days(7), Role.TEAM_LEADER),
                new StepAgreement(SECOND_CHECK_IN, Severity.MODERATE, Set.of(), Role.PEER_SUPPORTER, DueTime.days(28), Role.TEAM_LEADER),
                new StepAgreement(AGGRESSOR_RESPONSE, Severity.MINOR, Set.of(), Role.TEAM_LEADER, DueTime.hours(24), Role.MANAGEMENT),
                new StepAgreement(FEEDBACK, Severity.MINOR, Set.of(), Role.TEAM_LEADER, DueTime.workingDays(5), Role.MANAGEMENT),
                new StepAgreement(INCIDENT_ANALYSIS, Severity.SERIOUS,
                        Set.of(AggressionKind.PHYSICAL_VIOLENCE, AggressionKind.SEXUAL_HARASSMENT), Role.PREVENTION_OFFICER,
                        DueTime.days(10), Role.MANAGEMENT),
                new StepAgreement(LABOUR_INSPECTORATE, null, Set.of(), Role.TEAM_LEADER, null, Role.MANAGEMENT));
    }

    // --- reports and the commands of each step

    private static ReportContent content(Severity severity, Aggressor aggressor, Set<Injury> injuries,
                                         AggressionKind... kinds) {
        return new ReportContent(OCCURRED, Setting.CLIENT_HOME, Set.of(kinds), severity, "Dreigde met slaan", aggressor,
                "CL-4711", injuries, false);
    }

    private static ReportContent content(Severity severity, Aggressor aggressor) {
        return content(severity, aggressor, Set.of(), AggressionKind.THREAT);
    }

    private static ReportIncidentCommand report(ReportContent content) {
        return report(REPORTED, content);
    }

    private static ReportIncidentCommand report(Instant reportedAt, ReportContent content) {
        return new ReportIncidentCommand(ID, TEAM, "sanne", null, reportedAt, content, true);
    }

    /** An incident reported at {@link #REPORTED}, with the organisation's clock then. */
    private static TestExecutor<Incident> givenReported(ReportContent content) {
        return fixture().givenCurrentTime(REPORTED).andGivenCommands(report(content));
    }

    private static RecordFirstSupportCommand firstSupport(Actor recordedBy, Instant offeredAt) {
        return new RecordFirstSupportCommand(ID, null, "bram", offeredAt, FirstSupportResponse.ACCEPTED, recordedBy,
                offeredAt.plus(Duration.ofMinutes(10)));
    }

    private static AssignPeerSupporterCommand assignPeerSupporter(Actor assignedBy, String peerSupporter) {
        return new AssignPeerSupporterCommand(ID, null, peerSupporter, assignedBy, ASSIGNED);
    }

    private static PeerSupporterAssignedEvent peerSupporterAssigned(String peerSupporter) {
        return new PeerSupporterAssignedEvent(ID, TEAM, peerSupporter, "mark", ASSIGNED);
    }

    private static RecordAftercareTalkCommand talk(Instant heldAt, AftercareOutcome outcome, boolean needsMoreHelp,
                                                   Referral... referrals) {
        return new RecordAftercareTalkCommand(ID, null, heldAt, outcome, needsMoreHelp, Set.of(referrals), MARK,
                heldAt.plus(Duration.ofHours(1)));
    }

    private static RecordAftercareTalkCommand talk(Instant heldAt) {
        return talk(heldAt, AftercareOutcome.HELD, false);
    }

    private static AftercareTalkRecordedEvent talked(ProtocolStep step, Instant heldAt, AftercareOutcome outcome,
                                                     boolean needsMoreHelp, Referral... referrals) {
        return new AftercareTalkRecordedEvent(ID, step, "sanne", heldAt, outcome, needsMoreHelp, Set.of(referrals), "mark",
                heldAt.plus(Duration.ofHours(1)), TEAM);
    }

    private static RecordAggressorResponseCommand aggressorResponse(Actor recordedBy, Instant respondedAt,
                                                                    AggressorResponse... responses) {
        return new RecordAggressorResponseCommand(ID, null, Set.of(responses), "  Gesprek met de client gevoerd ",
                respondedAt, recordedBy, respondedAt.plus(Duration.ofMinutes(5)));
    }

    private static PlanFollowUpActionCommand planAction(Actor plannedBy, FollowUpKind kind, String description,
                                                        String owner, Instant dueAt) {
        return new PlanFollowUpActionCommand(ID, null, ACTION, kind, description, owner, dueAt, true, plannedBy,
                REPORTED.plus(Duration.ofHours(2)));
    }

    private static PlanFollowUpActionCommand planAction() {
        return planAction(MARK, FollowUpKind.AGGRESSOR_LETTER, "Brief aan de client", "kees", actionDue());
    }

    private static Instant actionDue() {
        return REPORTED.plus(Duration.ofDays(7));
    }

    private static CompleteFollowUpActionCommand completeAction(Actor completedBy, Instant completedAt) {
        return new CompleteFollowUpActionCommand(ID, null, ACTION, " Brief verstuurd ", completedAt, completedBy,
                completedAt.plus(Duration.ofMinutes(1)));
    }

    private static GiveFeedbackCommand feedback(Actor givenBy, Instant givenAt) {
        return new GiveFeedbackCommand(ID, null, " We hebben de client een brief gestuurd. ", givenBy, givenAt);
    }

    private static RecordIncidentAnalysisCommand analysis(Actor analysedBy, List<LearningPoint> points,
                                                          List<PreventiveMeasure> measures) {
        return new RecordIncidentAnalysisCommand(ID, null, " Geen afspraken over huisbezoek ", "  ", points, measures,
                analysedBy, REPORTED.plus(Duration.ofDays(5)));
    }

    private static RecordIncidentAnalysisCommand analysis(Actor analysedBy) {
        return analysis(analysedBy, List.of(new LearningPoint(LearningLevel.TEAM, Skill.DE_ESCALATION, "Oefenen")), List.of());
    }

    private static RecordLabourInspectorateNotificationCommand notifyInspectorate(Actor recordedBy, Instant notifiedAt) {
        return new RecordLabourInspectorateNotificationCommand(ID, null, notifiedAt, " ARB-2026-113 ", recordedBy,
                notifiedAt.plus(Duration.ofMinutes(3)));
    }

    private static AmendReportCommand amend(Actor amendedBy, ReportContent content, Instant amendedAt) {
        return new AmendReportCommand(ID, null, content, " Het letsel bleek ernstiger ", amendedBy, amendedAt);
    }

    private static CloseIncidentCommand close(Actor closedBy) {
        return new CloseIncidentCommand(ID, null, closedBy, REPORTED.plus(Duration.ofDays(3)));
    }

    private static ReopenIncidentCommand reopen(Actor reopenedBy, String reason) {
        return new ReopenIncidentCommand(ID, null, reason, reopenedBy, REPORTED.plus(Duration.ofDays(4)));
    }

    // --- the events the incident answers with

    private static TaskId task(ProtocolStep step) {
        return new TaskId("incident-1:" + step.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static TaskScheduledEvent scheduled(ProtocolStep step, Role assignee, Instant scheduledAt, Instant dueAt) {
        return new TaskScheduledEvent(task(step), ID, TEAM, step, assignee, scheduledAt, dueAt, null);
    }

    private static TaskScheduledEvent scheduled(ProtocolStep step, Instant dueAt) {
        return scheduled(step, Role.TEAM_LEADER, REPORTED, dueAt);
    }

    private static TaskCompletedEvent completed(ProtocolStep step, Instant dueAt, Instant doneAt, boolean late) {
        return new TaskCompletedEvent(task(step), ID, TEAM, step, dueAt, doneAt, late);
    }

    /** Overdue under version 1: whose task the agreement says, and management hears (the default). */
    private static TaskOverdueEvent overdue(ProtocolStep step, Instant dueAt) {
        return new TaskOverdueEvent(task(step), ID, TEAM, step, dueAt, step == INCIDENT_ANALYSIS ? Role.PREVENTION_OFFICER : Role.TEAM_LEADER,
                null, Role.MANAGEMENT);
    }

    private static String deadline(ProtocolStep step) {
        return "task-due-" + step.name();
    }

    // --- reporting

    @Test
    void aReportSchedulesEveryStepItsAgreementRequiresEachWithItsOwnDueTime() {
        ReportContent content = new ReportContent(OCCURRED, Setting.CLIENT_HOME, Set.of(AggressionKind.PHYSICAL_VIOLENCE),
                Severity.SERIOUS, "  Sloeg mij met een stoel \n", Aggressor.CLIENT, " cl-4711 ",
                Set.of(Injury.HOSPITAL_ADMISSION), true);
        ReportContent recorded = new ReportContent(OCCURRED, Setting.CLIENT_HOME, Set.of(AggressionKind.PHYSICAL_VIOLENCE),
                Severity.SERIOUS, "Sloeg mij met een stoel", Aggressor.CLIENT, "CL-4711",
                Set.of(Injury.HOSPITAL_ADMISSION), true);

        fixture().givenCurrentTime(REPORTED)
                .when(report(content))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new IncidentReportedEvent(ID, TEAM, "sanne", null, REPORTED, recorded, true, 1),
                        scheduled(FIRST_SUPPORT, FIRST_SUPPORT_DUE),
                        scheduled(AFTERCARE_TALK, AFTERCARE_TALK_DUE),
                        scheduled(AGGRESSOR_RESPONSE, AGGRESSOR_RESPONSE_DUE),
                        scheduled(FEEDBACK, FEEDBACK_DUE),
                        scheduled(INCIDENT_ANALYSIS, Role.PREVENTION_OFFICER, REPORTED, ANALYSIS_DUE),
                        scheduled(LABOUR_INSPECTORATE, LABOUR_INSPECTORATE_DUE))
                .expectResultMessagePayload(6L)
                .expectScheduledDeadlineWithName(FIRST_SUPPORT_DUE, deadline(FIRST_SUPPORT))
                .expectScheduledDeadlineWithName(AFTERCARE_TALK_DUE, deadline(AFTERCARE_TALK))
                .expectScheduledDeadlineWithName(AGGRESSOR_RESPONSE_DUE, deadline(AGGRESSOR_RESPONSE))
                .expectScheduledDeadlineWithName(FEEDBACK_DUE, deadline(FEEDBACK))
                .expectScheduledDeadlineWithName(ANALYSIS_DUE, deadline(INCIDENT_ANALYSIS))
                .expectScheduledDeadlineWithName(LABOUR_INSPECTORATE_DUE, deadline(LABOUR_INSPECTORATE));
    }

    static Stream<Arguments> reportsAndTheirSteps() {
        return Stream.of(
                arguments(Named.of("minor, aggressor unknown", content(Severity.MINOR, Aggressor.UNKNOWN)),
                        List.of(FIRST_SUPPORT, AFTERCARE_TALK, FEEDBACK)),
                arguments(Named.of("moderate, a client", content(Severity.MODERATE, Aggressor.CLIENT)),
                        List.of(FIRST_SUPPORT, AFTERCARE_TALK, AGGRESSOR_RESPONSE, FEEDBACK)),
                arguments(Named.of("minor, a client's relative", content(Severity.MINOR, Aggressor.CLIENT_RELATIVE)),
                        List.of(FIRST_SUPPORT, AFTERCARE_TALK, AGGRESSOR_RESPONSE, FEEDBACK)),
                arguments(Named.of("serious, aggressor unknown", content(Severity.SERIOUS, Aggressor.UNKNOWN)),
                        List.of(FIRST_SUPPORT, AFTERCARE_TALK, FEEDBACK, INCIDENT_ANALYSIS)),
                arguments(Named.of("severe, someone else", content(Severity.SEVERE, Aggressor.OTHER_PERSON)),
                        List.of(FIRST_SUPPORT, AFTERCARE_TALK, AGGRESSOR_RESPONSE, FEEDBACK, INCIDENT_ANALYSIS)),
                arguments(Named.of("minor, sexual harassment (no kind makes a step required in version 1)",
                                content(Severity.MINOR, Aggressor.UNKNOWN, Set.of(), AggressionKind.SEXUAL_HARASSMENT)),
                        List.of(FIRST_SUPPORT, AFTERCARE_TALK, FEEDBACK)),
                arguments(Named.of("minor, treated by a doctor", content(Severity.MINOR, Aggressor.UNKNOWN,
                                Set.of(Injury.MINOR_INJURY, Injury.MEDICAL_TREATMENT), AggressionKind.PHYSICAL_VIOLENCE)),
                        List.of(FIRST_SUPPORT, AFTERCARE_TALK, FEEDBACK)),
                arguments(Named.of("moderate, lasting psychological harm", content(Severity.MODERATE, Aggressor.UNKNOWN,
                                Set.of(Injury.LASTING_PSYCHOLOGICAL_HARM), AggressionKind.THREAT)),
                        List.of(FIRST_SUPPORT, AFTERCARE_TALK, FEEDBACK, LABOUR_INSPECTORATE)),
                arguments(Named.of("serious, a client, admitted to hospital", content(Severity.SERIOUS, Aggressor.CLIENT,
                                Set.of(Injury.HOSPITAL_ADMISSION), AggressionKind.PHYSICAL_VIOLENCE)),
                        List.of(FIRST_SUPPORT, AFTERCARE_TALK, AGGRESSOR_RESPONSE, FEEDBACK, INCIDENT_ANALYSIS,
                                LABOUR_INSPECTORATE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportsAndTheirSteps")
    void aReportSchedulesExactlyTheStepsTheAgreementRequires(ReportContent content, List<ProtocolStep> steps) {
        fixture().givenCurrentTime(REPORTED)
                .when(report(content))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(stepsScheduled(steps));
    }

    @Test
    void aSeriousInjuryMustBeNotifiedToTheLabourInspectorateByTheEndOfThatDayInAmsterdam() {
        // 23:30 in Amsterdam is still 22:30 in UTC: the day ends half an hour later, not 24 hours later
        Instant lateEvening = Instant.parse("2026-11-23T22:30:00Z");

        fixture().givenCurrentTime(lateEvening)
                .when(report(lateEvening, content(Severity.SEVERE, Aggressor.UNKNOWN, Set.of(Injury.DEATH),
                        AggressionKind.PHYSICAL_VIOLENCE)))
                .expectEventsMatching(payloadsThat("a Labour Inspectorate task due at the end of the day",
                        payloads -> payloads.contains(scheduled(LABOUR_INSPECTORATE, Role.TEAM_LEADER, lateEvening,
                                LABOUR_INSPECTORATE_DUE))));
    }

    @Test
    void aLateReportStillGetsTheFullTimeForEachStep() {
        ReportContent weekOld = new ReportContent(REPORTED.minus(Duration.ofDays(5)), Setting.OFFICE,
                Set.of(AggressionKind.INTIMIDATION), Severity.MINOR, "Een week geleden", Aggressor.UNKNOWN, null, Set.of(),
                false);

        fixture().givenCurrentTime(REPORTED)
                .when(report(weekOld))
                .expectEvents(
                        new IncidentReportedEvent(ID, TEAM, "sanne", null, REPORTED, weekOld, true, 1),
                        scheduled(FIRST_SUPPORT, FIRST_SUPPORT_DUE),
                        scheduled(AFTERCARE_TALK, AFTERCARE_TALK_DUE),
                        scheduled(FEEDBACK, FEEDBACK_DUE));
    }

    @Test
    void aReportOnBehalfOfAColleagueNamesTheColleague() {
        fixture().givenCurrentTime(REPORTED)
                .when(new ReportIncidentCommand(ID, TEAM, "sanne", "kees", REPORTED,
                        content(Severity.MINOR, Aggressor.UNKNOWN), false))
                .expectEventsMatching(payloadsThat("a report for kees by sanne", payloads -> payloads.get(0)
                        .equals(new IncidentReportedEvent(ID, TEAM, "sanne", "kees", REPORTED,
                                content(Severity.MINOR, Aggressor.UNKNOWN), false, 1))));
    }

    @Test
    void aReportForOneselfNamesNoOneElse() {
        fixture().givenCurrentTime(REPORTED)
                .when(new ReportIncidentCommand(ID, TEAM, "sanne", "sanne", REPORTED,
                        content(Severity.MINOR, Aggressor.UNKNOWN), false))
                .expectEventsMatching(payloadsThat("a report by and for sanne",
                        payloads -> ((IncidentReportedEvent) payloads.get(0)).reportedFor() == null));
    }

    @Test
    void anIncidentAFewMinutesAheadOnAPhonesClockIsNotInTheFuture() {
        ReportContent justNow = new ReportContent(REPORTED.plus(Duration.ofMinutes(4)), Setting.PHONE,
                Set.of(AggressionKind.VERBAL_ABUSE), Severity.MINOR, "Schold mij uit", Aggressor.UNKNOWN, null, Set.of(),
                false);

        fixture().givenCurrentTime(REPORTED)
                .when(report(justNow))
                .expectSuccessfulHandlerExecution();
    }

    static Stream<Arguments> badReports() {
        ReportContent ok = content(Severity.MINOR, Aggressor.UNKNOWN);
        return Stream.of(
                arguments(Named.of("no kind of aggression", new ReportContent(OCCURRED, ok.setting(), Set.of(),
                                ok.severity(), ok.description(), ok.aggressor(), null, Set.of(), false)),
                        "incident.rejected.noKinds", "kinds"),
                arguments(Named.of("happened in the future", new ReportContent(REPORTED.plus(Duration.ofMinutes(6)),
                                ok.setting(), ok.kinds(), ok.severity(), ok.description(), ok.aggressor(), null, Set.of(),
                                false)),
                        "incident.rejected.occurredInFuture", "occurredAt"),
                arguments(Named.of("no time", new ReportContent(null, ok.setting(), ok.kinds(), ok.severity(),
                                ok.description(), ok.aggressor(), null, Set.of(), false)),
                        "incident.report.occurredAt.required", "occurredAt"),
                arguments(Named.of("no setting", new ReportContent(OCCURRED, null, ok.kinds(), ok.severity(),
                                ok.description(), ok.aggressor(), null, Set.of(), false)),
                        "incident.report.setting.required", "setting"),
                arguments(Named.of("no severity", new ReportContent(OCCURRED, ok.setting(), ok.kinds(), null,
                                ok.description(), ok.aggressor(), null, Set.of(), false)),
                        "incident.report.severity.required", "severity"),
                arguments(Named.of("a blank description", new ReportContent(OCCURRED, ok.setting(), ok.kinds(),
                                ok.severity(), "  \n ", ok.aggressor(), null, Set.of(), false)),
                        "incident.rejected.noDescription", "description"),
                arguments(Named.of("no description", new ReportContent(OCCURRED, ok.setting(), ok.kinds(),
                                ok.severity(), null, ok.aggressor(), null, Set.of(), false)),
                        "incident.rejected.noDescription", "description"),
                arguments(Named.of("the client's name", new ReportContent(OCCURRED, ok.setting(), ok.kinds(),
                                ok.severity(), ok.description(), Aggressor.CLIENT, "de Vries", Set.of(), false)),
                        "incident.report.clientReference.invalid", "clientReference"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void cannotReportAnIncidentWithBadContent(ReportContent content, String messageKey, String field) {
        fixture().givenCurrentTime(REPORTED)
                .when(report(content))
                .expectNoEvents()
                .expectException(refused(messageKey, field));
    }

    // --- first support

    @Test
    void canRecordFirstSupportWithinTheDeadlineAndItsTaskIsDoneOnTime() {
        Instant offered = REPORTED.plus(Duration.ofHours(3));

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(firstSupport(MARK, offered))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new FirstSupportOfferedEvent(ID, "bram", offered, FirstSupportResponse.ACCEPTED, "mark",
                                offered.plus(Duration.ofMinutes(10))),
                        completed(FIRST_SUPPORT, FIRST_SUPPORT_DUE, offered, false))
                .expectResultMessagePayload(VERSION_AFTER_MINOR_REPORT + 2)
                .expectNoScheduledDeadlineWithName(FIRST_SUPPORT_DUE, deadline(FIRST_SUPPORT))
                .expectScheduledDeadlineWithName(AFTERCARE_TALK_DUE, deadline(AFTERCARE_TALK));
    }

    @Test
    void firstSupportOfferedExactlyAtItsDueTimeIsOnTime() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(firstSupport(MARK, FIRST_SUPPORT_DUE))
                .expectEventsMatching(payloadsThat("first support on time",
                        payloads -> payloads.contains(completed(FIRST_SUPPORT, FIRST_SUPPORT_DUE, FIRST_SUPPORT_DUE, false))));
    }

    @Test
    void firstSupportOfferedAfterItsDueTimeIsRecordedAsLate() {
        Instant offered = FIRST_SUPPORT_DUE.plus(Duration.ofHours(6));

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(firstSupport(MARK, offered))
                .expectEvents(
                        new FirstSupportOfferedEvent(ID, "bram", offered, FirstSupportResponse.ACCEPTED, "mark",
                                offered.plus(Duration.ofMinutes(10))),
                        completed(FIRST_SUPPORT, FIRST_SUPPORT_DUE, offered, true));
    }

    @Test
    void onlyALeaderOfTheTeamRecordsFirstSupportUnderVersion1() {
        for (Actor notAllowed : List.of(SANNE, OLGA, BRAM, PETRA)) {
            givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                    .when(firstSupport(notAllowed, REPORTED.plus(Duration.ofHours(1))))
                    .expectNoEvents()
                    .expectException(forbidden("incident.rejected.stepNotYours"));
        }
    }

    @Test
    void cannotRecordFirstSupportTwice() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(firstSupport(MARK, REPORTED.plus(Duration.ofHours(1))))
                .when(firstSupport(MARK, REPORTED.plus(Duration.ofHours(2))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.firstSupportAlreadyRecorded", null));
    }

    @Test
    void cannotRecordFirstSupportAtAnImpossibleMoment() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(firstSupport(MARK, OCCURRED.minus(Duration.ofMinutes(1))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.beforeIncident", "offeredAt"));
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(new RecordFirstSupportCommand(ID, null, "bram", REPORTED.plus(Duration.ofHours(2)),
                        FirstSupportResponse.ACCEPTED, MARK, REPORTED.plus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.inFuture", "offeredAt"));
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(new RecordFirstSupportCommand(ID, null, "bram", null, FirstSupportResponse.ACCEPTED, MARK,
                        REPORTED.plus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.momentMissing", "offeredAt"));
    }

    // --- a peer supporter assigned to give first support

    @Test
    void aLeaderOfTheTeamAssignsAPeerSupporter() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(assignPeerSupporter(MARK, " bram "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(peerSupporterAssigned("bram"))
                .expectResultMessagePayload(VERSION_AFTER_MINOR_REPORT + 1);
    }

    @Test
    void onlyALeaderOfTheTeamAssignsAPeerSupporter() {
        for (Actor notAllowed : List.of(SANNE, OLGA, BRAM, PETRA)) {
            givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                    .when(assignPeerSupporter(notAllowed, "bram"))
                    .expectNoEvents()
                    .expectException(forbidden("incident.rejected.notTeamLeader"));
        }
    }

    @Test
    void cannotAssignWithoutAPeerSupporter() {
        for (String blank : new String[]{null, "", "  "}) {
            givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                    .when(assignPeerSupporter(MARK, blank))
                    .expectNoEvents()
                    .expectException(refused("incident.peerSupporter.required", "peerSupporter"));
        }
    }

    @Test
    void theAssignedPeerSupporterRecordsFirstSupportAndCompletesItsTaskUnderVersion1() {
        Instant offered = REPORTED.plus(Duration.ofHours(3));

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(assignPeerSupporter(MARK, "bram"))
                .when(firstSupport(BRAM, offered))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new FirstSupportOfferedEvent(ID, "bram", offered, FirstSupportResponse.ACCEPTED, "bram",
                                offered.plus(Duration.ofMinutes(10))),
                        completed(FIRST_SUPPORT, FIRST_SUPPORT_DUE, offered, false))
                .expectNoScheduledDeadlineWithName(FIRST_SUPPORT_DUE, deadline(FIRST_SUPPORT));
    }

    @Test
    void aPeerSupporterWhoWasNotAssignedIsStillRefusedUnderVersion1() {
        Actor otherPeer = new Actor("bo", Set.of(Role.STAFF, Role.PEER_SUPPORTER), Set.of(TEAM), Set.of());

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(assignPeerSupporter(MARK, "bram"))
                .when(firstSupport(otherPeer, REPORTED.plus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(forbidden("incident.rejected.stepNotYours"));
    }

    @Test
    void anAssignedPersonWhoIsNoLongerAPeerSupporterIsRefused() {
        Actor bramWithoutTheRole = new Actor("bram", Set.of(Role.STAFF), Set.of(TEAM), Set.of());

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(assignPeerSupporter(MARK, "bram"))
                .when(firstSupport(bramWithoutTheRole, REPORTED.plus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(forbidden("incident.rejected.stepNotYours"));
    }

    @Test
    void aLeaderReassignsAndOnlyTheLatestPeerSupporterRecordsFirstSupport() {
        Actor bo = new Actor("bo", Set.of(Role.STAFF, Role.PEER_SUPPORTER), Set.of(TEAM), Set.of());

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(assignPeerSupporter(MARK, "bram"))
                .when(assignPeerSupporter(MARK, "bo"))
                .expectEvents(peerSupporterAssigned("bo"));
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(assignPeerSupporter(MARK, "bram"), assignPeerSupporter(MARK, "bo"))
                .when(firstSupport(BRAM, REPORTED.plus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(forbidden("incident.rejected.stepNotYours"));
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(assignPeerSupporter(MARK, "bram"), assignPeerSupporter(MARK, "bo"))
                .when(firstSupport(bo, REPORTED.plus(Duration.ofHours(1))))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsThat("first support recorded by bo", payloads -> payloads.contains(
                        completed(FIRST_SUPPORT, FIRST_SUPPORT_DUE, REPORTED.plus(Duration.ofHours(1)), false))));
    }

    @Test
    void cannotAssignTheSamePeerSupporterTwice() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(assignPeerSupporter(MARK, "bram"))
                .when(assignPeerSupporter(MARK, "bram"))
                .expectNoEvents()
                .expectException(refused("incident.rejected.peerSupporterAlreadyAssigned", null));
    }

    @Test
    void cannotAssignAPeerSupporterOnceFirstSupportIsRecorded() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(firstSupport(MARK, REPORTED.plus(Duration.ofHours(1))))
                .when(assignPeerSupporter(MARK, "bram"))
                .expectNoEvents()
                .expectException(refused("incident.rejected.peerSupporterAfterFirstSupport", null));
    }

    @Test
    void cannotAssignAPeerSupporterOnAClosedIncident() {
        givenClosed()
                .when(assignPeerSupporter(MARK, "bram"))
                .expectNoEvents()
                .expectException(refused("incident.rejected.closed", null));
    }

    // --- aftercare

    @Test
    void theFirstTalkOfASeriousIncidentSchedulesTheFirstCheckInTwoWeeksAfterTheTalk() {
        Instant heldAt = REPORTED.plus(Duration.ofHours(48));
        Instant checkInDue = Instant.parse("2026-12-09T09:00:00Z");

        givenReported(content(Severity.SERIOUS, Aggressor.UNKNOWN))
                .when(talk(heldAt))
                .expectEvents(
                        talked(AFTERCARE_TALK, heldAt, AftercareOutcome.HELD, false),
                        completed(AFTERCARE_TALK, AFTERCARE_TALK_DUE, heldAt, false),
                        scheduled(FIRST_CHECK_IN, Role.TEAM_LEADER, heldAt.plus(Duration.ofHours(1)), checkInDue))
                .expectScheduledDeadlineWithName(checkInDue, deadline(FIRST_CHECK_IN))
                .expectNoScheduledDeadlineWithName(AFTERCARE_TALK_DUE, deadline(AFTERCARE_TALK));
    }

    @Test
    void theFirstTalkOfAModerateIncidentWithoutANeedForHelpEndsTheAftercare() {
        Instant heldAt = REPORTED.plus(Duration.ofHours(80));

        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .when(talk(heldAt))
                .expectEvents(
                        talked(AFTERCARE_TALK, heldAt, AftercareOutcome.HELD, false),
                        completed(AFTERCARE_TALK, AFTERCARE_TALK_DUE, heldAt, true));
    }

    @Test
    void aNeedForHelpSignalledInTheFirstTalkSchedulesACheckInWhateverTheSeverity() {
        Instant heldAt = REPORTED.plus(Duration.ofHours(24));

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(talk(heldAt, AftercareOutcome.HELD, true, Referral.COMPANY_DOCTOR))
                .expectEvents(
                        talked(AFTERCARE_TALK, heldAt, AftercareOutcome.HELD, true, Referral.COMPANY_DOCTOR),
                        completed(AFTERCARE_TALK, AFTERCARE_TALK_DUE, heldAt, false),
                        scheduled(FIRST_CHECK_IN, Role.TEAM_LEADER, heldAt.plus(Duration.ofHours(1)),
                                heldAt.plus(Duration.ofDays(14))));
    }

    @Test
    void aDeclinedTalkIsOfferedAgainAtTheFirstCheckInAndCarriesNoNeedOrReferral() {
        Instant offeredAt = REPORTED.plus(Duration.ofHours(24));

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(talk(offeredAt, AftercareOutcome.DECLINED, true, Referral.PSYCHOLOGIST))
                .expectEvents(
                        talked(AFTERCARE_TALK, offeredAt, AftercareOutcome.DECLINED, false),
                        completed(AFTERCARE_TALK, AFTERCARE_TALK_DUE, offeredAt, false),
                        scheduled(FIRST_CHECK_IN, Role.TEAM_LEADER, offeredAt.plus(Duration.ofHours(1)),
                                offeredAt.plus(Duration.ofDays(14))));
    }

    @Test
    void aDeclinedCheckInIsOfferedAgainTwoWeeksLaterNotOnTheOriginalSchedule() {
        Instant firstTalk = REPORTED.plus(Duration.ofHours(48));
        Instant declined = firstTalk.plus(Duration.ofDays(14));

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(talk(firstTalk, AftercareOutcome.HELD, true))
                .when(talk(declined, AftercareOutcome.DECLINED, false))
                .expectEvents(
                        talked(FIRST_CHECK_IN, declined, AftercareOutcome.DECLINED, false),
                        completed(FIRST_CHECK_IN, firstTalk.plus(Duration.ofDays(14)), declined, false),
                        scheduled(SECOND_CHECK_IN, Role.TEAM_LEADER, declined.plus(Duration.ofHours(1)),
                                declined.plus(Duration.ofDays(14))));
    }

    @Test
    void checkInsCountFromTheFirstTalkThatTookPlace() {
        Instant declined = REPORTED.plus(Duration.ofHours(24));
        Instant held = declined.plus(Duration.ofDays(10));
        Instant sixWeeksAfterHeld = Instant.parse("2027-01-15T09:00:00Z");

        givenReported(content(Severity.SERIOUS, Aggressor.UNKNOWN))
                .andGivenCommands(talk(declined, AftercareOutcome.DECLINED, false))
                .when(talk(held))
                .expectEvents(
                        talked(FIRST_CHECK_IN, held, AftercareOutcome.HELD, false),
                        completed(FIRST_CHECK_IN, declined.plus(Duration.ofDays(14)), held, false),
                        scheduled(SECOND_CHECK_IN, Role.TEAM_LEADER, held.plus(Duration.ofHours(1)), sixWeeksAfterHeld));
    }

    @Test
    void theFirstCheckInSchedulesTheSecondSixWeeksAfterTheFirstTalk() {
        Instant firstTalk = REPORTED.plus(Duration.ofHours(48));
        Instant checkIn = firstTalk.plus(Duration.ofDays(13));
        Instant secondDue = Instant.parse("2027-01-06T09:00:00Z");

        givenReported(content(Severity.SERIOUS, Aggressor.UNKNOWN))
                .andGivenCommands(talk(firstTalk))
                .when(talk(checkIn))
                .expectEvents(
                        talked(FIRST_CHECK_IN, checkIn, AftercareOutcome.HELD, false),
                        completed(FIRST_CHECK_IN, firstTalk.plus(Duration.ofDays(14)), checkIn, false),
                        scheduled(SECOND_CHECK_IN, Role.TEAM_LEADER, checkIn.plus(Duration.ofHours(1)), secondDue))
                .expectScheduledDeadlineWithName(secondDue, deadline(SECOND_CHECK_IN))
                .expectNoScheduledDeadlineWithName(firstTalk.plus(Duration.ofDays(14)), deadline(FIRST_CHECK_IN));
    }

    @Test
    void aNeedForHelpOnceSignalledKeepsTheCheckInsGoing() {
        Instant firstTalk = REPORTED.plus(Duration.ofHours(48));
        Instant checkIn = firstTalk.plus(Duration.ofDays(16));

        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .andGivenCommands(talk(firstTalk, AftercareOutcome.HELD, true, Referral.VICTIM_SUPPORT))
                .when(talk(checkIn))
                .expectEvents(
                        talked(FIRST_CHECK_IN, checkIn, AftercareOutcome.HELD, false),
                        completed(FIRST_CHECK_IN, firstTalk.plus(Duration.ofDays(14)), checkIn, true),
                        scheduled(SECOND_CHECK_IN, Role.TEAM_LEADER, checkIn.plus(Duration.ofHours(1)),
                                firstTalk.plus(Duration.ofDays(42))));
    }

    @Test
    void aTalkAfterTheSecondCheckInIsAnExtraCheckIn() {
        Instant firstTalk = REPORTED.plus(Duration.ofHours(48));
        Instant extra = firstTalk.plus(Duration.ofDays(60));

        givenReported(content(Severity.SERIOUS, Aggressor.UNKNOWN))
                .andGivenCommands(talk(firstTalk), talk(firstTalk.plus(Duration.ofDays(14))),
                        talk(firstTalk.plus(Duration.ofDays(42))))
                .when(talk(extra, AftercareOutcome.HELD, true, Referral.PSYCHOLOGIST))
                .expectEvents(talked(null, extra, AftercareOutcome.HELD, true, Referral.PSYCHOLOGIST));
    }

    @Test
    void aFirstTalkRecordedWeeksLateSchedulesACheckInThatIsAlreadyDue() {
        Instant heldAt = REPORTED.plus(Duration.ofHours(48));
        Instant recordedAt = heldAt.plus(Duration.ofDays(21));
        Instant checkInDue = heldAt.plus(Duration.ofDays(14));

        givenReported(content(Severity.SERIOUS, Aggressor.UNKNOWN))
                .when(new RecordAftercareTalkCommand(ID, null, heldAt, AftercareOutcome.HELD, false, Set.of(), MARK,
                        recordedAt))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new AftercareTalkRecordedEvent(ID, AFTERCARE_TALK, "sanne", heldAt, AftercareOutcome.HELD, false,
                                Set.of(), "mark", recordedAt, TEAM),
                        completed(AFTERCARE_TALK, AFTERCARE_TALK_DUE, heldAt, false),
                        scheduled(FIRST_CHECK_IN, Role.TEAM_LEADER, recordedAt, checkInDue))
                .expectScheduledDeadlineWithName(checkInDue, deadline(FIRST_CHECK_IN));
    }

    @Test
    void aCheckInDueBeforeItWasScheduledIsOverdueAtOnce() {
        Instant heldAt = REPORTED.plus(Duration.ofHours(48));
        Instant recordedAt = heldAt.plus(Duration.ofDays(21));
        Instant checkInDue = heldAt.plus(Duration.ofDays(14));

        // the report's own deadlines are not in play: the clock stands at the late recording
        fixture().givenCurrentTime(recordedAt)
                .andGiven(new IncidentReportedEvent(ID, TEAM, "sanne", null, REPORTED,
                                content(Severity.SERIOUS, Aggressor.UNKNOWN), true, 1),
                        scheduled(AFTERCARE_TALK, AFTERCARE_TALK_DUE))
                .andGivenCommands(new RecordAftercareTalkCommand(ID, null, heldAt, AftercareOutcome.HELD, false, Set.of(),
                        MARK, recordedAt))
                .whenTimeElapses(Duration.ZERO)
                .expectEvents(overdue(FIRST_CHECK_IN, checkInDue));
    }

    @Test
    void theAftercareIsForTheColleagueItHappenedTo() {
        Instant heldAt = REPORTED.plus(Duration.ofHours(5));

        fixture().givenCurrentTime(REPORTED)
                .andGivenCommands(new ReportIncidentCommand(ID, TEAM, "sanne", "kees", REPORTED,
                        content(Severity.MINOR, Aggressor.UNKNOWN), false))
                .when(talk(heldAt))
                .expectEventsMatching(payloadsThat("a talk with kees", payloads -> payloads.get(0)
                        .equals(new AftercareTalkRecordedEvent(ID, AFTERCARE_TALK, "kees", heldAt, AftercareOutcome.HELD,
                                false, Set.of(), "mark", heldAt.plus(Duration.ofHours(1)), TEAM))));
    }

    @Test
    void cannotRecordATalkWithoutItsOutcomeOrAtAnImpossibleMoment() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(talk(REPORTED.plus(Duration.ofHours(5)), null, false))
                .expectNoEvents()
                .expectException(refused("incident.aftercare.outcome.required", "outcome"));
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(new RecordAftercareTalkCommand(ID, null, REPORTED.plus(Duration.ofDays(1)), AftercareOutcome.HELD,
                        false, Set.of(), MARK, REPORTED.plus(Duration.ofHours(2))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.inFuture", "heldAt"));
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(talk(OCCURRED.minus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.beforeIncident", "heldAt"));
    }

    @Test
    void onlyALeaderOfTheTeamRecordsATalk() {
        for (Actor notAllowed : List.of(SANNE, OLGA, PETRA)) {
            givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                    .when(new RecordAftercareTalkCommand(ID, null, REPORTED.plus(Duration.ofHours(5)),
                            AftercareOutcome.HELD, false, Set.of(), notAllowed, REPORTED.plus(Duration.ofHours(6))))
                    .expectNoEvents()
                    .expectException(forbidden("incident.rejected.stepNotYours"));
        }
    }

    // --- the response to the aggressor

    @Test
    void canRecordTheResponseToAKnownAggressor() {
        Instant respondedAt = REPORTED.plus(Duration.ofHours(30));

        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .when(aggressorResponse(MARK, respondedAt, AggressorResponse.CONVERSATION, AggressorResponse.LETTER))
                .expectEvents(
                        new AggressorResponseRecordedEvent(ID, Set.of(AggressorResponse.CONVERSATION, AggressorResponse.LETTER),
                                "Gesprek met de client gevoerd", respondedAt, "mark", respondedAt.plus(Duration.ofMinutes(5))),
                        completed(AGGRESSOR_RESPONSE, AGGRESSOR_RESPONSE_DUE, respondedAt, false))
                .expectNoScheduledDeadlineWithName(AGGRESSOR_RESPONSE_DUE, deadline(AGGRESSOR_RESPONSE));
    }

    @Test
    void aResponseAfterFortyEightHoursIsLate() {
        Instant respondedAt = AGGRESSOR_RESPONSE_DUE.plusSeconds(1);

        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .when(aggressorResponse(MARK, respondedAt, AggressorResponse.BAN))
                .expectEventsMatching(payloadsThat("a late response", payloads -> payloads.contains(
                        completed(AGGRESSOR_RESPONSE, AGGRESSOR_RESPONSE_DUE, respondedAt, true))));
    }

    @Test
    void aResponseToAnUnknownAggressorIsRecordedWithoutATask() {
        Instant respondedAt = REPORTED.plus(Duration.ofHours(3));

        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .when(aggressorResponse(MARK, respondedAt, AggressorResponse.POLICE_REPORT))
                .expectEvents(new AggressorResponseRecordedEvent(ID, Set.of(AggressorResponse.POLICE_REPORT),
                        "Gesprek met de client gevoerd", respondedAt, "mark", respondedAt.plus(Duration.ofMinutes(5))));
    }

    @Test
    void cannotRecordAResponseWithoutWhatItWas() {
        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .when(aggressorResponse(MARK, REPORTED.plus(Duration.ofHours(3))))
                .expectNoEvents()
                .expectException(refused("incident.aggressorResponse.responses.required", "responses"));
    }

    @Test
    void cannotRecordTheResponseTwice() {
        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .andGivenCommands(aggressorResponse(MARK, REPORTED.plus(Duration.ofHours(3)), AggressorResponse.LETTER))
                .when(aggressorResponse(MARK, REPORTED.plus(Duration.ofHours(4)), AggressorResponse.BAN))
                .expectNoEvents()
                .expectException(refused("incident.rejected.aggressorResponseAlreadyRecorded", null));
    }

    @Test
    void onlyALeaderOfTheTeamRecordsTheResponse() {
        for (Actor notAllowed : List.of(SANNE, OLGA, PETRA)) {
            givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                    .when(aggressorResponse(notAllowed, REPORTED.plus(Duration.ofHours(3)), AggressorResponse.LETTER))
                    .expectNoEvents()
                    .expectException(forbidden("incident.rejected.stepNotYours"));
        }
    }

    // --- follow-up actions

    @Test
    void aPlannedActionIsATaskForItsOwner() {
        Instant plannedAt = REPORTED.plus(Duration.ofHours(2));

        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .when(planAction(MARK, FollowUpKind.AGGRESSOR_LETTER, "  Brief aan de client ", " kees ", actionDue()))
                .expectEvents(
                        new FollowUpActionPlannedEvent(ID, ACTION, FollowUpKind.AGGRESSOR_LETTER, "Brief aan de client",
                                "kees", actionDue(), false, "mark", plannedAt),
                        new TaskScheduledEvent(ACTION_TASK, ID, TEAM, FOLLOW_UP_ACTION, null, plannedAt, actionDue(), "kees"))
                .expectScheduledDeadlineWithName(actionDue(), "task-due-action-a1");
    }

    @Test
    void onlyAPoliceReportCanBeFiledByTheEmployer() {
        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .when(planAction(MARK, FollowUpKind.POLICE_REPORT, "Aangifte namens Sanne", "mark", actionDue()))
                .expectEventsMatching(payloadsThat("a police report by the employer",
                        payloads -> ((FollowUpActionPlannedEvent) payloads.get(0)).byEmployer()));
    }

    @Test
    void onlyALeaderOfTheTeamPlansAnAction() {
        for (Actor notAllowed : List.of(SANNE, OLGA, PETRA)) {
            givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                    .when(planAction(notAllowed, FollowUpKind.OTHER, "Iets", "kees", actionDue()))
                    .expectNoEvents()
                    .expectException(forbidden("incident.rejected.notTeamLeader"));
        }
    }

    static Stream<Arguments> badActions() {
        return Stream.of(
                arguments(Named.of("without an id", new PlanFollowUpActionCommand(ID, null, null, FollowUpKind.OTHER,
                                "Brief", "kees", actionDue(), true, MARK, REPORTED.plus(Duration.ofHours(2)))),
                        "incident.action.actionId.required", null),
                arguments(Named.of("without a kind", planAction(MARK, null, "Brief", "kees", actionDue())),
                        "incident.action.kind.required", "kind"),
                arguments(Named.of("without a description", planAction(MARK, FollowUpKind.OTHER, " ", "kees", actionDue())),
                        "incident.action.description.required", "description"),
                arguments(Named.of("without an owner", planAction(MARK, FollowUpKind.OTHER, "Brief", "", actionDue())),
                        "incident.action.owner.required", "owner"),
                arguments(Named.of("without a due time", planAction(MARK, FollowUpKind.OTHER, "Brief", "kees", null)),
                        "incident.action.dueAt.past", "dueAt"),
                arguments(Named.of("due in over a year", planAction(MARK, FollowUpKind.OTHER, "Brief", "kees",
                                REPORTED.plus(Duration.ofDays(367)))),
                        "incident.action.dueAt.tooFar", "dueAt"),
                arguments(Named.of("due in the past", planAction(MARK, FollowUpKind.OTHER, "Brief", "kees",
                                REPORTED.plus(Duration.ofHours(1)))),
                        "incident.action.dueAt.past", "dueAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badActions")
    void cannotPlanAnIncompleteAction(PlanFollowUpActionCommand command, String messageKey, String field) {
        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .when(command)
                .expectNoEvents()
                .expectException(refused(messageKey, field));
    }

    @Test
    void cannotPlanTheSameActionTwice() {
        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .andGivenCommands(planAction())
                .when(planAction())
                .expectNoEvents()
                .expectException(refused("incident.rejected.actionAlreadyPlanned", null));
    }

    @Test
    void theOwnerCompletesTheActionOnTime() {
        Instant doneAt = REPORTED.plus(Duration.ofDays(2));

        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .andGivenCommands(planAction())
                .when(completeAction(KEES, doneAt))
                .expectEvents(
                        new FollowUpActionCompletedEvent(ID, ACTION, "Brief verstuurd", doneAt, "kees",
                                doneAt.plus(Duration.ofMinutes(1))),
                        new TaskCompletedEvent(ACTION_TASK, ID, TEAM, FOLLOW_UP_ACTION, actionDue(), doneAt, false))
                .expectNoScheduledDeadlineWithName(actionDue(), "task-due-action-a1");
    }

    @Test
    void aLeaderOfTheTeamCompletesTheActionLate() {
        Instant doneAt = actionDue().plus(Duration.ofDays(1));

        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .andGivenCommands(planAction())
                .when(completeAction(MARK, doneAt))
                .expectEvents(
                        new FollowUpActionCompletedEvent(ID, ACTION, "Brief verstuurd", doneAt, "mark",
                                doneAt.plus(Duration.ofMinutes(1))),
                        new TaskCompletedEvent(ACTION_TASK, ID, TEAM, FOLLOW_UP_ACTION, actionDue(), doneAt, true));
    }

    @Test
    void onlyTheOwnerOrALeaderOfTheTeamCompletesAnAction() {
        for (Actor notAllowed : List.of(SANNE, OLGA, PETRA)) {
            givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                    .andGivenCommands(planAction())
                    .when(completeAction(notAllowed, REPORTED.plus(Duration.ofDays(1))))
                    .expectNoEvents()
                    .expectException(forbidden("incident.rejected.notOwnerOrLeader"));
        }
    }

    @Test
    void cannotCompleteAnActionThatDoesNotExistOrIsDone() {
        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .when(completeAction(MARK, REPORTED.plus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.noSuchAction", null));
        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .andGivenCommands(planAction(), completeAction(KEES, REPORTED.plus(Duration.ofDays(1))))
                .when(completeAction(KEES, REPORTED.plus(Duration.ofDays(2))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.actionAlreadyDone", null));
    }

    @Test
    void cannotCompleteAnActionInTheFuture() {
        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .andGivenCommands(planAction())
                .when(new CompleteFollowUpActionCommand(ID, null, ACTION, "Klaar", REPORTED.plus(Duration.ofDays(3)), KEES,
                        REPORTED.plus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.inFuture", "completedAt"));
    }

    // --- feedback to the reporter

    @Test
    void theFirstFeedbackCompletesTheStep() {
        Instant givenAt = REPORTED.plus(Duration.ofDays(4));

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(feedback(MARK, givenAt))
                .expectEvents(
                        new FeedbackGivenEvent(ID, "sanne", "We hebben de client een brief gestuurd.", "mark", givenAt, TEAM),
                        completed(FEEDBACK, FEEDBACK_DUE, givenAt, false))
                .expectNoScheduledDeadlineWithName(FEEDBACK_DUE, deadline(FEEDBACK));
    }

    @Test
    void laterFeedbackOnlyKeepsTheReporterInformed() {
        Instant later = REPORTED.plus(Duration.ofDays(20));

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(feedback(MARK, REPORTED.plus(Duration.ofDays(4))))
                .when(feedback(MARK, later))
                .expectEvents(new FeedbackGivenEvent(ID, "sanne", "We hebben de client een brief gestuurd.", "mark", later, TEAM));
    }

    @Test
    void feedbackAfterSevenWorkingDaysIsLate() {
        Instant givenAt = FEEDBACK_DUE.plus(Duration.ofHours(1));

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(feedback(MARK, givenAt))
                .expectEventsMatching(payloadsThat("late feedback",
                        payloads -> payloads.contains(completed(FEEDBACK, FEEDBACK_DUE, givenAt, true))));
    }

    @Test
    void feedbackGoesToTheReporterAlsoWhenTheyReportedForAColleague() {
        Instant givenAt = REPORTED.plus(Duration.ofDays(1));

        fixture().givenCurrentTime(REPORTED)
                .andGivenCommands(new ReportIncidentCommand(ID, TEAM, "sanne", "kees", REPORTED,
                        content(Severity.MINOR, Aggressor.UNKNOWN), false))
                .when(feedback(MARK, givenAt))
                .expectEventsMatching(payloadsThat("feedback for sanne", payloads -> payloads.get(0).equals(
                        new FeedbackGivenEvent(ID, "sanne", "We hebben de client een brief gestuurd.", "mark", givenAt, TEAM))));
    }

    @Test
    void cannotGiveFeedbackWithoutAMessage() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(new GiveFeedbackCommand(ID, null, "   ", MARK, REPORTED.plus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(refused("incident.feedback.message.required", "message"));
    }

    @Test
    void onlyALeaderOfTheTeamGivesFeedback() {
        for (Actor notAllowed : List.of(SANNE, OLGA, PETRA)) {
            givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                    .when(feedback(notAllowed, REPORTED.plus(Duration.ofDays(1))))
                    .expectNoEvents()
                    .expectException(forbidden("incident.rejected.stepNotYours"));
        }
    }

    // --- incident analysis

    @Test
    void eachPreventiveMeasureOfTheAnalysisBecomesAnActionAndTheAnalysisIsDone() {
        Instant analysedAt = REPORTED.plus(Duration.ofDays(5));
        Instant firstDue = analysedAt.plus(Duration.ofDays(30));
        Instant secondDue = analysedAt.plus(Duration.ofDays(60));
        ActionId first = new ActionId("m1");
        ActionId second = new ActionId("m2");
        TaskId firstTask = new TaskId("incident-1:action-m1");
        TaskId secondTask = new TaskId("incident-1:action-m2");

        givenReported(content(Severity.SERIOUS, Aggressor.CLIENT))
                .when(analysis(PETRA,
                        List.of(new LearningPoint(LearningLevel.TEAM, Skill.DE_ESCALATION, " Samen de-escaleren oefenen "),
                                new LearningPoint(LearningLevel.ORGANISATION, null, "Huisbezoek met z'n tweeen")),
                        List.of(new PreventiveMeasure(first, " Training de-escalatie ", " mark ", firstDue),
                                new PreventiveMeasure(second, "Werkinstructie huisbezoek", "petra", secondDue))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new IncidentAnalysedEvent(ID, "Geen afspraken over huisbezoek", null,
                                List.of(new LearningPoint(LearningLevel.TEAM, Skill.DE_ESCALATION, "Samen de-escaleren oefenen"),
                                        new LearningPoint(LearningLevel.ORGANISATION, null, "Huisbezoek met z'n tweeen")),
                                "petra", analysedAt),
                        new FollowUpActionPlannedEvent(ID, first, FollowUpKind.PREVENTIVE_MEASURE, "Training de-escalatie",
                                "mark", firstDue, false, "petra", analysedAt),
                        new TaskScheduledEvent(firstTask, ID, TEAM, FOLLOW_UP_ACTION, null, analysedAt, firstDue, "mark"),
                        new FollowUpActionPlannedEvent(ID, second, FollowUpKind.PREVENTIVE_MEASURE,
                                "Werkinstructie huisbezoek", "petra", secondDue, false, "petra", analysedAt),
                        new TaskScheduledEvent(secondTask, ID, TEAM, FOLLOW_UP_ACTION, null, analysedAt, secondDue, "petra"),
                        completed(INCIDENT_ANALYSIS, ANALYSIS_DUE, analysedAt, false))
                .expectScheduledDeadlineWithName(firstDue, "task-due-action-m1")
                .expectScheduledDeadlineWithName(secondDue, "task-due-action-m2")
                .expectNoScheduledDeadlineWithName(ANALYSIS_DUE, deadline(INCIDENT_ANALYSIS));
    }

    @Test
    void aLeaderOfTheTeamMayAnalyseTooAndAnAnalysisNotRequiredCompletesNoTask() {
        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .when(analysis(MARK))
                .expectEvents(new IncidentAnalysedEvent(ID, "Geen afspraken over huisbezoek", null,
                        List.of(new LearningPoint(LearningLevel.TEAM, Skill.DE_ESCALATION, "Oefenen")), "mark",
                        REPORTED.plus(Duration.ofDays(5))));
    }

    @Test
    void staffAndLeadersOfOtherTeamsDoNotAnalyse() {
        for (Actor notAllowed : List.of(SANNE, BRAM, OLGA)) {
            givenReported(content(Severity.SERIOUS, Aggressor.CLIENT))
                    .when(analysis(notAllowed))
                    .expectNoEvents()
                    .expectException(forbidden("incident.rejected.stepNotYours"));
        }
    }

    @Test
    void cannotAnalyseTwice() {
        givenReported(content(Severity.SERIOUS, Aggressor.CLIENT))
                .andGivenCommands(analysis(PETRA))
                .when(analysis(PETRA))
                .expectNoEvents()
                .expectException(refused("incident.rejected.alreadyAnalysed", null));
    }

    static Stream<Arguments> badAnalyses() {
        Instant analysedAt = REPORTED.plus(Duration.ofDays(5));
        LearningPoint point = new LearningPoint(LearningLevel.PERSONAL, null, "Eerder hulp vragen");
        PreventiveMeasure measure = new PreventiveMeasure(new ActionId("m1"), "Training", "mark",
                analysedAt.plus(Duration.ofDays(30)));
        return Stream.of(
                arguments(Named.of("without causes", new RecordIncidentAnalysisCommand(ID, null, " ", null, List.of(point),
                                List.of(measure), PETRA, analysedAt)),
                        "incident.analysis.causes.required", "causes"),
                arguments(Named.of("a learning point for no one", analysis(PETRA,
                                List.of(point, new LearningPoint(null, Skill.RISK_ASSESSMENT, "Inschatten")), List.of())),
                        "incident.analysis.level.required", "learningPoints[1].level"),
                arguments(Named.of("a learning point without text", analysis(PETRA,
                                List.of(new LearningPoint(LearningLevel.TEAM, null, "  ")), List.of())),
                        "incident.analysis.text.required", "learningPoints[0].text"),
                arguments(Named.of("a measure without an owner", analysis(PETRA, List.of(point), List.of(measure,
                                new PreventiveMeasure(new ActionId("m2"), "Werkinstructie", " ", measure.dueAt())))),
                        "incident.action.owner.required", "measures[1].owner"),
                arguments(Named.of("a measure without a description", analysis(PETRA, List.of(point), List.of(
                                new PreventiveMeasure(new ActionId("m2"), null, "mark", measure.dueAt())))),
                        "incident.action.description.required", "measures[0].description"),
                arguments(Named.of("a measure due in the past", analysis(PETRA, List.of(point), List.of(
                                new PreventiveMeasure(new ActionId("m2"), "Training", "mark", REPORTED)))),
                        "incident.action.dueAt.past", "measures[0].dueAt"),
                arguments(Named.of("a measure without an id", analysis(PETRA, List.of(point), List.of(
                                new PreventiveMeasure(null, "Training", "mark", measure.dueAt())))),
                        "incident.action.actionId.required", "measures"),
                arguments(Named.of("the same measure twice", analysis(PETRA, List.of(point), List.of(measure, measure))),
                        "incident.rejected.actionAlreadyPlanned", "measures"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnalyses")
    void cannotRecordAnIncompleteAnalysis(RecordIncidentAnalysisCommand command, String messageKey, String field) {
        givenReported(content(Severity.SERIOUS, Aggressor.CLIENT))
                .when(command)
                .expectNoEvents()
                .expectException(refused(messageKey, field));
    }

    @Test
    void aMeasureCannotReuseAnActionAlreadyPlanned() {
        givenReported(content(Severity.SERIOUS, Aggressor.CLIENT))
                .andGivenCommands(planAction())
                .when(analysis(PETRA, List.of(), List.of(new PreventiveMeasure(ACTION, "Training", "mark", actionDue()))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.actionAlreadyPlanned", "measures"));
    }

    // --- the Labour Inspectorate

    @Test
    void theNotificationToTheLabourInspectorateCompletesItsTask() {
        Instant notifiedAt = REPORTED.plus(Duration.ofHours(4));

        givenReported(content(Severity.SERIOUS, Aggressor.CLIENT, Set.of(Injury.HOSPITAL_ADMISSION),
                AggressionKind.PHYSICAL_VIOLENCE))
                .when(notifyInspectorate(MARK, notifiedAt))
                .expectEvents(
                        new LabourInspectorateNotifiedEvent(ID, notifiedAt, "ARB-2026-113", "mark",
                                notifiedAt.plus(Duration.ofMinutes(3))),
                        completed(LABOUR_INSPECTORATE, LABOUR_INSPECTORATE_DUE, notifiedAt, false))
                .expectNoScheduledDeadlineWithName(LABOUR_INSPECTORATE_DUE, deadline(LABOUR_INSPECTORATE));
    }

    @Test
    void aNotificationTheNextDayIsLate() {
        Instant nextMorning = Instant.parse("2026-11-24T07:00:00Z");

        givenReported(content(Severity.SERIOUS, Aggressor.CLIENT, Set.of(Injury.HOSPITAL_ADMISSION),
                AggressionKind.PHYSICAL_VIOLENCE))
                .when(notifyInspectorate(MARK, nextMorning))
                .expectEventsMatching(payloadsThat("a late notification", payloads -> payloads.contains(
                        completed(LABOUR_INSPECTORATE, LABOUR_INSPECTORATE_DUE, nextMorning, true))));
    }

    @Test
    void onlyALeaderOfTheTeamNotifiesTheLabourInspectorate() {
        for (Actor notAllowed : List.of(SANNE, OLGA, PETRA)) {
            givenReported(content(Severity.SERIOUS, Aggressor.CLIENT, Set.of(Injury.HOSPITAL_ADMISSION),
                    AggressionKind.PHYSICAL_VIOLENCE))
                    .when(notifyInspectorate(notAllowed, REPORTED.plus(Duration.ofHours(4))))
                    .expectNoEvents()
                    .expectException(forbidden("incident.rejected.stepNotYours"));
        }
    }

    @Test
    void cannotNotifyTheLabourInspectorateTwiceOrInTheFuture() {
        givenReported(content(Severity.SERIOUS, Aggressor.CLIENT, Set.of(Injury.HOSPITAL_ADMISSION),
                AggressionKind.PHYSICAL_VIOLENCE))
                .andGivenCommands(notifyInspectorate(MARK, REPORTED.plus(Duration.ofHours(4))))
                .when(notifyInspectorate(MARK, REPORTED.plus(Duration.ofHours(5))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.labourInspectorateAlreadyNotified", null));
        givenReported(content(Severity.SERIOUS, Aggressor.CLIENT, Set.of(Injury.HOSPITAL_ADMISSION),
                AggressionKind.PHYSICAL_VIOLENCE))
                .when(new RecordLabourInspectorateNotificationCommand(ID, null, REPORTED.plus(Duration.ofHours(5)), null,
                        MARK, REPORTED.plus(Duration.ofHours(4))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.inFuture", "notifiedAt"));
    }

    // --- amending the report

    @Test
    void raisingTheSeverityToSeriousSchedulesTheAnalysisCountedFromTheReport() {
        Instant amendedAt = REPORTED.plus(Duration.ofDays(2));
        ReportContent serious = content(Severity.SERIOUS, Aggressor.UNKNOWN);

        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .when(amend(SANNE, serious, amendedAt))
                .expectEvents(
                        new ReportAmendedEvent(ID, serious, "Het letsel bleek ernstiger", "sanne", amendedAt),
                        scheduled(INCIDENT_ANALYSIS, Role.PREVENTION_OFFICER, amendedAt, ANALYSIS_DUE))
                .expectScheduledDeadlineWithName(ANALYSIS_DUE, deadline(INCIDENT_ANALYSIS));
    }

    @Test
    void addingASeriousInjurySchedulesTheLabourInspectorateByTheEndOfThatDay() {
        Instant amendedAt = REPORTED.plus(Duration.ofDays(2));
        Instant endOfThatDay = Instant.parse("2026-11-25T22:59:59.999999Z");
        ReportContent injured = content(Severity.MODERATE, Aggressor.UNKNOWN, Set.of(Injury.LASTING_PHYSICAL_HARM),
                AggressionKind.THREAT);

        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .when(amend(MARK, injured, amendedAt))
                .expectEvents(
                        new ReportAmendedEvent(ID, injured, "Het letsel bleek ernstiger", "mark", amendedAt),
                        scheduled(LABOUR_INSPECTORATE, Role.TEAM_LEADER, amendedAt, endOfThatDay))
                .expectScheduledDeadlineWithName(endOfThatDay, deadline(LABOUR_INSPECTORATE));
    }

    @Test
    void anAggressorWhoBecomesKnownIsRespondedToWithinFortyEightHoursOfTheReport() {
        Instant amendedAt = REPORTED.plus(Duration.ofHours(12));
        ReportContent known = content(Severity.MODERATE, Aggressor.CLIENT);

        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .when(amend(SANNE, known, amendedAt))
                .expectEvents(
                        new ReportAmendedEvent(ID, known, "Het letsel bleek ernstiger", "sanne", amendedAt),
                        scheduled(AGGRESSOR_RESPONSE, Role.TEAM_LEADER, amendedAt, AGGRESSOR_RESPONSE_DUE));
    }

    @Test
    void raisingTheSeverityAfterTheFirstTalkSchedulesTheCheckInItNowNeeds() {
        Instant firstTalk = REPORTED.plus(Duration.ofHours(30));
        Instant amendedAt = REPORTED.plus(Duration.ofDays(3));
        ReportContent serious = content(Severity.SERIOUS, Aggressor.UNKNOWN);

        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .andGivenCommands(talk(firstTalk))
                .when(amend(MARK, serious, amendedAt))
                .expectEvents(
                        new ReportAmendedEvent(ID, serious, "Het letsel bleek ernstiger", "mark", amendedAt),
                        scheduled(INCIDENT_ANALYSIS, Role.PREVENTION_OFFICER, amendedAt, ANALYSIS_DUE),
                        scheduled(FIRST_CHECK_IN, Role.TEAM_LEADER, amendedAt, firstTalk.plus(Duration.ofDays(14))));
    }

    @Test
    void loweringTheSeverityWithdrawsTheAnalysisItNoLongerNeeds() {
        Instant amendedAt = REPORTED.plus(Duration.ofDays(1));
        ReportContent moderate = content(Severity.MODERATE, Aggressor.UNKNOWN);

        givenReported(content(Severity.SERIOUS, Aggressor.UNKNOWN))
                .when(amend(MARK, moderate, amendedAt))
                .expectEvents(
                        new ReportAmendedEvent(ID, moderate, "Het letsel bleek ernstiger", "mark", amendedAt),
                        new TaskWithdrawnEvent(task(INCIDENT_ANALYSIS), ID, TEAM, INCIDENT_ANALYSIS, amendedAt))
                .expectNoScheduledDeadlineWithName(ANALYSIS_DUE, deadline(INCIDENT_ANALYSIS));
    }

    @Test
    void aWithdrawnStepIsScheduledAgainWhenTheReportCallsForItAgain() {
        Instant lowered = REPORTED.plus(Duration.ofDays(1));
        Instant raised = REPORTED.plus(Duration.ofDays(2));
        ReportContent serious = content(Severity.SERIOUS, Aggressor.UNKNOWN);

        givenReported(serious)
                .andGivenCommands(amend(MARK, content(Severity.MODERATE, Aggressor.UNKNOWN), lowered))
                .when(amend(MARK, serious, raised))
                .expectEvents(
                        new ReportAmendedEvent(ID, serious, "Het letsel bleek ernstiger", "mark", raised),
                        scheduled(INCIDENT_ANALYSIS, Role.PREVENTION_OFFICER, raised, ANALYSIS_DUE))
                .expectScheduledDeadlineWithName(ANALYSIS_DUE, deadline(INCIDENT_ANALYSIS));
    }

    @Test
    void anAggressorWhoTurnsOutUnknownNeedsNoResponseAndNoLongerBlocksClosing() {
        Instant amendedAt = REPORTED.plus(Duration.ofHours(6));
        ReportContent unknown = content(Severity.MINOR, Aggressor.UNKNOWN);

        givenReported(content(Severity.MINOR, Aggressor.CLIENT))
                .when(amend(SANNE, unknown, amendedAt))
                .expectEvents(
                        new ReportAmendedEvent(ID, unknown, "Het letsel bleek ernstiger", "sanne", amendedAt),
                        new TaskWithdrawnEvent(task(AGGRESSOR_RESPONSE), ID, TEAM, AGGRESSOR_RESPONSE, amendedAt));
        givenReported(content(Severity.MINOR, Aggressor.CLIENT))
                .andGivenCommands(amend(SANNE, unknown, amendedAt))
                .andGivenCommands(allStepsOfAMinorIncident())
                .when(close(MARK))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aStepTakenBeforeTheReportCalledForItGetsNoTaskThatCouldNeverBeDone() {
        Instant amendedAt = REPORTED.plus(Duration.ofDays(1));
        ReportContent known = content(Severity.MINOR, Aggressor.CLIENT);

        // the leader responded to an aggressor the report did not name yet; then the reporter names the client
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(aggressorResponse(MARK, REPORTED.plus(Duration.ofHours(3)), AggressorResponse.CONVERSATION))
                .when(amend(SANNE, known, amendedAt))
                .expectEvents(new ReportAmendedEvent(ID, known, "Het letsel bleek ernstiger", "sanne", amendedAt));
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(aggressorResponse(MARK, REPORTED.plus(Duration.ofHours(3)), AggressorResponse.CONVERSATION))
                .andGivenCommands(amend(SANNE, known, amendedAt))
                .andGivenCommands(allStepsOfAMinorIncident())
                .when(close(MARK))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anIncidentAnalysedBeforeItWasRaisedToSeriousNeedsNoSecondAnalysis() {
        Instant amendedAt = REPORTED.plus(Duration.ofDays(6));
        ReportContent serious = content(Severity.SERIOUS, Aggressor.UNKNOWN);

        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .andGivenCommands(analysis(PETRA))
                .when(amend(MARK, serious, amendedAt))
                .expectEvents(new ReportAmendedEvent(ID, serious, "Het letsel bleek ernstiger", "mark", amendedAt));
    }

    @Test
    void anAmendmentSchedulesNoStepTwice() {
        Instant amendedAt = REPORTED.plus(Duration.ofDays(1));
        ReportContent corrected = new ReportContent(OCCURRED.minus(Duration.ofHours(1)), Setting.OFFICE,
                Set.of(AggressionKind.THREAT, AggressionKind.INTIMIDATION), Severity.MINOR, "Dreigde en intimideerde",
                Aggressor.UNKNOWN, null, Set.of(), false);

        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .andGivenCommands(firstSupport(MARK, REPORTED.plus(Duration.ofHours(2))))
                .when(amend(SANNE, corrected, amendedAt))
                .expectEvents(new ReportAmendedEvent(ID, corrected, "Het letsel bleek ernstiger", "sanne", amendedAt));
    }

    @Test
    void onlyTheReporterOrALeaderOfTheTeamAmendsTheReport() {
        for (Actor notAllowed : List.of(KEES, OLGA, PETRA)) {
            givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                    .when(amend(notAllowed, content(Severity.SERIOUS, Aggressor.UNKNOWN), REPORTED.plus(Duration.ofDays(1))))
                    .expectNoEvents()
                    .expectException(forbidden("incident.rejected.notReporterOrLeader"));
        }
    }

    @Test
    void anAmendmentSaysWhy() {
        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .when(new AmendReportCommand(ID, null, content(Severity.SERIOUS, Aggressor.UNKNOWN), "  ", SANNE,
                        REPORTED.plus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.noAmendReason", "reason"));
    }

    @Test
    void anAmendedReportFollowsTheRulesOfAReport() {
        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .when(amend(SANNE, content(Severity.MODERATE, Aggressor.UNKNOWN, Set.of()), REPORTED.plus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(refused("incident.rejected.noKinds", "kinds"));
        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .when(amend(SANNE, new ReportContent(OCCURRED, Setting.OFFICE, Set.of(AggressionKind.THREAT),
                        Severity.MODERATE, "Dreigde", Aggressor.CLIENT, "Jan", Set.of(), false), REPORTED.plus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(refused("incident.report.clientReference.invalid", "clientReference"));
    }

    // --- closing and reopening

    @Test
    void cannotCloseIncidentWithOpenRequiredStepsAndActions() {
        givenReported(content(Severity.MODERATE, Aggressor.CLIENT))
                .andGivenCommands(firstSupport(MARK, REPORTED.plus(Duration.ofHours(1))), planAction())
                .when(close(MARK))
                .expectNoEvents()
                .expectException(stillOpen(AFTERCARE_TALK, AGGRESSOR_RESPONSE, FEEDBACK, FOLLOW_UP_ACTION));
    }

    @Test
    void anOverdueStepStillHasToBeDoneBeforeClosing() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(talk(REPORTED.plus(Duration.ofHours(3))), feedback(MARK, REPORTED.plus(Duration.ofDays(1))))
                .andGiven(overdue(FIRST_SUPPORT, FIRST_SUPPORT_DUE))
                .when(close(MARK))
                .expectNoEvents()
                .expectException(stillOpen(FIRST_SUPPORT));
    }

    @Test
    void aSeriousIncidentWaitsForItsCheckIns() {
        Instant firstTalk = REPORTED.plus(Duration.ofHours(5));

        givenReported(content(Severity.SERIOUS, Aggressor.UNKNOWN))
                .andGivenCommands(firstSupport(MARK, REPORTED.plus(Duration.ofHours(1))), talk(firstTalk),
                        feedback(MARK, REPORTED.plus(Duration.ofDays(1))), analysis(PETRA))
                .when(close(MARK))
                .expectNoEvents()
                .expectException(stillOpen(FIRST_CHECK_IN));
    }

    @Test
    void canCloseAnIncidentOnceItsRequiredStepsAreDone() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(allStepsOfAMinorIncident())
                .when(close(MARK))
                .expectEvents(new IncidentClosedEvent(ID, "mark", REPORTED.plus(Duration.ofDays(3))))
                .expectResultMessagePayload(VERSION_AFTER_MINOR_REPORT + 6 + 1);
    }

    @Test
    void anActionDoneLetsTheIncidentClose() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(allStepsOfAMinorIncident())
                .andGivenCommands(planAction(), completeAction(KEES, REPORTED.plus(Duration.ofDays(2))))
                .when(close(MARK))
                .expectEvents(new IncidentClosedEvent(ID, "mark", REPORTED.plus(Duration.ofDays(3))));
    }

    /** First support, the first talk (no need for help) and feedback: six events. */
    private static List<Object> allStepsOfAMinorIncident() {
        return List.of(firstSupport(MARK, REPORTED.plus(Duration.ofHours(1))), talk(REPORTED.plus(Duration.ofHours(3))),
                feedback(MARK, REPORTED.plus(Duration.ofDays(1))));
    }

    @Test
    void onlyALeaderOfTheTeamClosesAnIncident() {
        for (Actor notAllowed : List.of(SANNE, OLGA, PETRA)) {
            givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                    .andGivenCommands(allStepsOfAMinorIncident())
                    .when(close(notAllowed))
                    .expectNoEvents()
                    .expectException(forbidden("incident.rejected.notTeamLeader"));
        }
    }

    @Test
    void aClosedIncidentIsReopenedWithAReason() {
        givenClosed()
                .when(reopen(MARK, "  Client dreigde opnieuw "))
                .expectEvents(new IncidentReopenedEvent(ID, "Client dreigde opnieuw", "mark",
                        REPORTED.plus(Duration.ofDays(4))));
    }

    @Test
    void cannotReopenWithoutAReason() {
        givenClosed()
                .when(reopen(MARK, " "))
                .expectNoEvents()
                .expectException(refused("incident.rejected.noReopenReason", "reason"));
        givenClosed()
                .when(reopen(MARK, null))
                .expectNoEvents()
                .expectException(refused("incident.rejected.noReopenReason", "reason"));
    }

    @Test
    void cannotReopenAnIncidentThatIsNotClosed() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(reopen(MARK, "Waarom niet"))
                .expectNoEvents()
                .expectException(refused("incident.rejected.notClosed", null));
    }

    @Test
    void onlyALeaderOfTheTeamReopensAnIncident() {
        for (Actor notAllowed : List.of(SANNE, OLGA, PETRA)) {
            givenClosed()
                    .when(reopen(notAllowed, "Client dreigde opnieuw"))
                    .expectNoEvents()
                    .expectException(forbidden("incident.rejected.notTeamLeader"));
        }
    }

    @Test
    void aReopenedIncidentTakesStepsAgain() {
        givenClosed()
                .andGivenCommands(reopen(MARK, "Client dreigde opnieuw"))
                .when(planAction())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(stepsScheduled(List.of(FOLLOW_UP_ACTION)));
    }

    // --- retention: the personal data goes with the incident's key at the end of its agreements' term

    /** Closed on 26 November 2026 at 10:00 in Amsterdam; version 1's term is five years. */
    private static final Instant CLOSED = REPORTED.plus(Duration.ofDays(3));
    private static final Instant ERASURE_DUE = Instant.parse("2031-11-26T09:00:00Z");
    private static final Instant ERASED_AT = ERASURE_DUE.plusSeconds(5);

    @Test
    void closingSchedulesTheErasureAtTheEndOfTheAgreementsRetentionTerm() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(allStepsOfAMinorIncident())
                .when(close(MARK))
                .expectScheduledDeadlineWithName(ERASURE_DUE, Incident.ERASURE);
    }

    @Test
    void reopeningCancelsTheErasureAndClosingAgainSchedulesItAnew() {
        givenClosed()
                .when(reopen(MARK, "Client dreigde opnieuw"))
                .expectNoScheduledDeadlineWithName(ERASURE_DUE, Incident.ERASURE);
        Instant closedAgain = REPORTED.plus(Duration.ofDays(10));
        givenClosed()
                .andGivenCommands(reopen(MARK, "Client dreigde opnieuw"))
                .when(new CloseIncidentCommand(ID, null, MARK, closedAgain))
                .expectScheduledDeadlineWithName(Instant.parse("2031-12-03T09:00:00Z"), Incident.ERASURE)
                .expectNoScheduledDeadlineWithName(ERASURE_DUE, Incident.ERASURE);
    }

    @Test
    void atTheEndOfTheTermThePersonalDataIsErasedWithTheIncidentsKey() {
        InMemoryIncidentKeys keys = new InMemoryIncidentKeys();
        keys.obtain(ID.value());
        fixture(keys).givenCurrentTime(REPORTED)
                .andGivenCommands(new ReportIncidentCommand(ID, TEAM, "sanne", null, REPORTED,
                        content(Severity.MINOR, Aggressor.UNKNOWN), true))
                .andGivenCommands(allStepsOfAMinorIncident())
                .andGivenCommands(close(MARK))
                .whenTimeAdvancesTo(ERASED_AT)
                .expectEvents(new PersonalDataErasedEvent(ID, TEAM, ERASED_AT));
        assertThat(keys.has(ID.value())).isFalse();
    }

    static Stream<Arguments> everyCommandAfterErasure() {
        Instant later = ERASED_AT.plusSeconds(60);
        return Stream.concat(stepsOnAClosedIncident().map(arguments -> arguments(arguments.get()[0])),
                Stream.of(arguments(Named.of("reopen", new ReopenIncidentCommand(ID, null, "Opnieuw", MARK, later))),
                        arguments(Named.of("assign a peer supporter",
                                new AssignPeerSupporterCommand(ID, null, "bram", MARK, later)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandAfterErasure")
    void anErasedIncidentRefusesEveryCommandForGood(Object command) {
        givenClosed()
                .andGiven(new PersonalDataErasedEvent(ID, TEAM, ERASED_AT))
                .when(command)
                .expectNoEvents()
                .expectException(refused("incident.rejected.erased", null));
    }

    @Test
    void anIncidentReopenedBeforeItsTermIsNotErased() {
        givenClosed()
                .andGivenCommands(reopen(MARK, "Client dreigde opnieuw"))
                .whenTimeAdvancesTo(ERASED_AT)
                .expectNoEvents();
    }

    private static TestExecutor<Incident> givenClosed() {
        return givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(allStepsOfAMinorIncident())
                .andGivenCommands(close(MARK));
    }

    static Stream<Arguments> stepsOnAClosedIncident() {
        Instant later = REPORTED.plus(Duration.ofDays(3)).plus(Duration.ofHours(1));
        return Stream.of(
                arguments(Named.of("amend", amend(SANNE, content(Severity.SERIOUS, Aggressor.UNKNOWN), later)),
                        "incident.rejected.closed"),
                arguments(Named.of("first support", firstSupport(MARK, REPORTED.plus(Duration.ofHours(4)))),
                        "incident.rejected.closed"),
                arguments(Named.of("aftercare talk", talk(later)), "incident.rejected.closed"),
                arguments(Named.of("aggressor response", aggressorResponse(MARK, later, AggressorResponse.LETTER)),
                        "incident.rejected.closed"),
                arguments(Named.of("plan an action", planAction()), "incident.rejected.closed"),
                arguments(Named.of("complete an action (none can be open)", completeAction(MARK, later)), "incident.rejected.noSuchAction"),
                arguments(Named.of("feedback", feedback(MARK, later)), "incident.rejected.closed"),
                arguments(Named.of("analysis", analysis(PETRA)), "incident.rejected.closed"),
                arguments(Named.of("Labour Inspectorate", notifyInspectorate(MARK, later)), "incident.rejected.closed"),
                arguments(Named.of("close again", close(MARK)), "incident.rejected.closed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stepsOnAClosedIncident")
    void aClosedIncidentTakesNoSteps(Object command, String messageKey) {
        givenClosed()
                .when(command)
                .expectNoEvents()
                .expectException(refused(messageKey, null));
    }

    // --- optimistic concurrency: every step is decided on the version the person saw

    static Stream<Arguments> stepsOnAnOldVersion() {
        long seen = VERSION_AFTER_MINOR_REPORT;
        Instant at = REPORTED.plus(Duration.ofHours(5));
        return Stream.of(
                arguments(Named.of("amend", new AmendReportCommand(ID, seen, content(Severity.SERIOUS, Aggressor.UNKNOWN),
                        "Ernstiger", SANNE, at))),
                arguments(Named.of("first support", new RecordFirstSupportCommand(ID, seen, "bram", at,
                        FirstSupportResponse.DECLINED, MARK, at))),
                arguments(Named.of("assign a peer supporter", new AssignPeerSupporterCommand(ID, seen, "bram", MARK, at))),
                arguments(Named.of("aftercare talk", new RecordAftercareTalkCommand(ID, seen, at, AftercareOutcome.HELD,
                        false, Set.of(), MARK, at))),
                arguments(Named.of("aggressor response", new RecordAggressorResponseCommand(ID, seen,
                        Set.of(AggressorResponse.LETTER), null, at, MARK, at))),
                arguments(Named.of("plan an action", new PlanFollowUpActionCommand(ID, seen, new ActionId("a2"),
                        FollowUpKind.OTHER, "Iets", "kees", actionDue(), false, MARK, at))),
                arguments(Named.of("complete an action", new CompleteFollowUpActionCommand(ID, seen, ACTION, "Klaar", at,
                        KEES, at))),
                arguments(Named.of("feedback", new GiveFeedbackCommand(ID, seen, "Gedaan", MARK, at))),
                arguments(Named.of("analysis", new RecordIncidentAnalysisCommand(ID, seen, "Oorzaak", null, List.of(),
                        List.of(), PETRA, at))),
                arguments(Named.of("Labour Inspectorate", new RecordLabourInspectorateNotificationCommand(ID, seen, at,
                        null, MARK, at))),
                arguments(Named.of("close", new CloseIncidentCommand(ID, seen, MARK, at))),
                arguments(Named.of("reopen", new ReopenIncidentCommand(ID, seen, "Opnieuw", MARK, at))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stepsOnAnOldVersion")
    void aStepDecidedOnAVersionSomeoneElseChangedMeanwhileIsRefused(Object command) {
        // after the report (version 3) someone planned an action (version 5)
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(planAction())
                .when(command)
                .expectNoEvents()
                .expectException(ConflictingModificationException.class);
    }

    @Test
    void aStepDecidedOnAVersionSomeoneElseChangedMeanwhileIsRefusedAlsoAfterEvents() {
        Instant offered = REPORTED.plus(Duration.ofHours(1));
        fixture().given(new IncidentReportedEvent(ID, TEAM, "sanne", null, REPORTED, content(Severity.MINOR, Aggressor.UNKNOWN),
                                true, 1),
                        scheduled(FIRST_SUPPORT, FIRST_SUPPORT_DUE),
                        new FirstSupportOfferedEvent(ID, "peter", offered, FirstSupportResponse.ACCEPTED, "mark", offered))
                .when(new RecordFirstSupportCommand(ID, 1L, "bram", offered, FirstSupportResponse.ACCEPTED, MARK, offered))
                .expectNoEvents()
                .expectException(ConflictingModificationException.class);
    }

    @Test
    void aTaskFallingOverdueInBetweenIsNoChangeMeanwhile() {
        // the feedback form was opened at version 1; its task fell overdue (version 2) before it was sent
        Instant late = FEEDBACK_DUE.plus(Duration.ofMinutes(2));
        fixture().given(new IncidentReportedEvent(ID, TEAM, "sanne", null, REPORTED,
                                content(Severity.MINOR, Aggressor.UNKNOWN), true, 1),
                        scheduled(FEEDBACK, FEEDBACK_DUE),
                        overdue(FEEDBACK, FEEDBACK_DUE))
                .when(new GiveFeedbackCommand(ID, 1L, "Gedaan", MARK, late))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsThat("feedback given late", payloads ->
                        payloads.stream().anyMatch(p -> p instanceof TaskCompletedEvent done && done.late())));
    }

    @Test
    void aStepDecidedOnTheCurrentVersionIsTaken() {
        Instant at = REPORTED.plus(Duration.ofHours(5));

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(planAction())
                .when(new GiveFeedbackCommand(ID, VERSION_AFTER_MINOR_REPORT + 2, "Gedaan", MARK, at))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FeedbackGivenEvent(ID, "sanne", "Gedaan", "mark", at, TEAM),
                        completed(FEEDBACK, FEEDBACK_DUE, at, false))
                .expectResultMessagePayload(VERSION_AFTER_MINOR_REPORT + 4);
    }

    // --- deadlines

    @Test
    void aTaskNotDoneByItsDueTimeBecomesOverdueAtThatMoment() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .whenTimeElapses(Duration.ofHours(24).minusSeconds(1))
                .expectNoEvents();
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .whenTimeElapses(Duration.ofHours(24))
                .expectEvents(overdue(FIRST_SUPPORT, FIRST_SUPPORT_DUE))
                .expectTriggeredDeadlinesWithName(deadline(FIRST_SUPPORT));
    }

    @Test
    void everyStepLeftUndoneBecomesOverdueInTheOrderOfItsDueTime() {
        givenReported(content(Severity.SERIOUS, Aggressor.CLIENT, Set.of(Injury.HOSPITAL_ADMISSION),
                AggressionKind.PHYSICAL_VIOLENCE))
                .whenTimeAdvancesTo(ANALYSIS_DUE)
                .expectEvents(
                        overdue(LABOUR_INSPECTORATE, LABOUR_INSPECTORATE_DUE),
                        overdue(FIRST_SUPPORT, FIRST_SUPPORT_DUE),
                        overdue(AGGRESSOR_RESPONSE, AGGRESSOR_RESPONSE_DUE),
                        overdue(AFTERCARE_TALK, AFTERCARE_TALK_DUE),
                        overdue(FEEDBACK, FEEDBACK_DUE),
                        overdue(INCIDENT_ANALYSIS, ANALYSIS_DUE));
    }

    @Test
    void aTaskDoneInTimeNeverBecomesOverdue() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(firstSupport(MARK, REPORTED.plus(Duration.ofMinutes(30))))
                .whenTimeAdvancesTo(FIRST_SUPPORT_DUE.plus(Duration.ofHours(1)))
                .expectNoEvents();
    }

    @Test
    void anActionNotDoneByItsDueTimeBecomesOverdue() {
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGivenCommands(allStepsOfAMinorIncident())
                .andGivenCommands(planAction())
                .whenTimeAdvancesTo(actionDue())
                .expectEvents(new TaskOverdueEvent(ACTION_TASK, ID, TEAM, FOLLOW_UP_ACTION, actionDue(), null, "kees",
                        Role.TEAM_LEADER));
    }

    @Test
    void anOverdueStepIsEscalatedToWhomTheIncidentsOwnAgreementsName() {
        // version 2 gives first support to a peer supporter and lets the team leader hear when it is late
        Instant due = Instant.parse("2026-12-07T13:00:00Z");
        fixtureWithVersion3().givenCurrentTime(REPORTED_V2)
                .andGivenCommands(report(REPORTED_V2, content(Severity.MINOR, Aggressor.UNKNOWN)))
                .whenTimeAdvancesTo(due)
                .expectEvents(new TaskOverdueEvent(task(FIRST_SUPPORT), ID, TEAM, FIRST_SUPPORT, due, Role.PEER_SUPPORTER,
                        null, Role.TEAM_LEADER));
    }

    @Test
    void anIncidentHeldToAVersionThatEscalatesToThePreventionOfficerTellsThem() {
        Instant due = REPORTED_V3.plus(Duration.ofHours(4));
        fixtureWithVersion3().givenCurrentTime(REPORTED_V3)
                .andGivenCommands(report(REPORTED_V3, content(Severity.MINOR, Aggressor.UNKNOWN)))
                .whenTimeAdvancesTo(due)
                .expectEvents(new TaskOverdueEvent(task(FIRST_SUPPORT), ID, TEAM, FIRST_SUPPORT, due, Role.PEER_SUPPORTER,
                        null, Role.PREVENTION_OFFICER));
    }

    @Test
    void anOverdueActionIsEscalatedToTheTeamLeaderWhateverTheAgreementsSay() {
        // no agreement covers a follow-up action: the leaders who plan and follow up actions hear of it
        Instant due = REPORTED_V3.plus(Duration.ofDays(2));
        fixtureWithVersion3().givenCurrentTime(REPORTED_V3)
                .andGivenCommands(report(REPORTED_V3, content(Severity.MINOR, Aggressor.UNKNOWN)),
                        new PlanFollowUpActionCommand(ID, null, ACTION, FollowUpKind.AGGRESSOR_LETTER, "Brief", "kees", due,
                                false, MARK, REPORTED_V3.plus(Duration.ofMinutes(1))),
                        firstSupport(MARK, REPORTED_V3.plus(Duration.ofHours(1))),
                        talk(REPORTED_V3.plus(Duration.ofHours(2))),
                        feedback(MARK, REPORTED_V3.plus(Duration.ofHours(3))))
                .whenTimeAdvancesTo(due)
                .expectEvents(new TaskOverdueEvent(ACTION_TASK, ID, TEAM, FOLLOW_UP_ACTION, due, null, "kees",
                        Role.TEAM_LEADER));
    }

    @Test
    void aTaskDoneLateAfterItWasOverdueIsCompletedAsLate() {
        Instant offered = FIRST_SUPPORT_DUE.plus(Duration.ofHours(2));

        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .andGiven(overdue(FIRST_SUPPORT, FIRST_SUPPORT_DUE))
                .when(firstSupport(MARK, offered))
                .expectEventsMatching(payloadsThat("completed late", payloads -> payloads.contains(
                        completed(FIRST_SUPPORT, FIRST_SUPPORT_DUE, offered, true))));
    }

    // --- the version of the agreements an incident is held to

    @Test
    void anIncidentReportedAfterANewVersionIsHeldToThatVersion() {
        ReportContent content = content(Severity.MODERATE, Aggressor.CLIENT);

        fixture().givenCurrentTime(REPORTED_V2)
                .when(report(REPORTED_V2, content))
                .expectEvents(
                        new IncidentReportedEvent(ID, TEAM, "sanne", null, REPORTED_V2, content, true, 2),
                        scheduled(FIRST_SUPPORT, Role.PEER_SUPPORTER, REPORTED_V2, Instant.parse("2026-12-07T13:00:00Z")),
                        scheduled(AFTERCARE_TALK, Role.TEAM_LEADER, REPORTED_V2, Instant.parse("2026-12-09T09:00:00Z")),
                        scheduled(AGGRESSOR_RESPONSE, Role.TEAM_LEADER, REPORTED_V2, Instant.parse("2026-12-08T09:00:00Z")),
                        scheduled(FEEDBACK, Role.TEAM_LEADER, REPORTED_V2, Instant.parse("2026-12-14T09:00:00Z")));
    }

    @Test
    void aNewVersionAppliesFromTheMomentItIsInForce() {
        fixture().givenCurrentTime(V2_FROM)
                .when(report(V2_FROM, content(Severity.MINOR, Aggressor.UNKNOWN)))
                .expectEventsMatching(payloadsThat("held to version 2",
                        payloads -> ((IncidentReportedEvent) payloads.get(0)).protocolVersion() == 2));
        fixture().givenCurrentTime(V2_FROM)
                .when(report(V2_FROM.minusNanos(1), content(Severity.MINOR, Aggressor.UNKNOWN)))
                .expectEventsMatching(payloadsThat("held to version 1",
                        payloads -> ((IncidentReportedEvent) payloads.get(0)).protocolVersion() == 1));
    }

    @Test
    void aKindTheNewVersionNamesMakesTheAnalysisRequiredWhateverTheSeverity() {
        ReportContent harassment = content(Severity.MINOR, Aggressor.UNKNOWN, Set.of(), AggressionKind.SEXUAL_HARASSMENT);

        fixture().givenCurrentTime(REPORTED_V2)
                .when(report(REPORTED_V2, harassment))
                .expectEventsMatching(stepsScheduled(List.of(FIRST_SUPPORT, AFTERCARE_TALK, FEEDBACK, INCIDENT_ANALYSIS)));
    }

    @Test
    void aPeerSupporterRecordsFirstSupportOnlyForIncidentsUnderAVersionThatSaysSo() {
        Instant offered = REPORTED_V2.plus(Duration.ofHours(1));

        fixture().givenCurrentTime(REPORTED_V2)
                .andGivenCommands(report(REPORTED_V2, content(Severity.MINOR, Aggressor.UNKNOWN)))
                .when(firstSupport(BRAM, offered))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsThat("first support recorded by bram", payloads -> payloads.contains(
                        new FirstSupportOfferedEvent(ID, "bram", offered, FirstSupportResponse.ACCEPTED, "bram",
                                offered.plus(Duration.ofMinutes(10))))));
        // an incident reported under version 1 keeps it, though version 2 is in force by now
        givenReported(content(Severity.MINOR, Aggressor.UNKNOWN))
                .when(firstSupport(BRAM, offered))
                .expectNoEvents()
                .expectException(forbidden("incident.rejected.stepNotYours"));
    }

    @Test
    void aPeerSupporterOfAnotherTeamDoesNotRecordFirstSupport() {
        Actor otherPeer = new Actor("bo", Set.of(Role.PEER_SUPPORTER), Set.of(OTHER_TEAM), Set.of());

        fixture().givenCurrentTime(REPORTED_V2)
                .andGivenCommands(report(REPORTED_V2, content(Severity.MINOR, Aggressor.UNKNOWN)))
                .when(firstSupport(otherPeer, REPORTED_V2.plus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(forbidden("incident.rejected.stepNotYours"));
    }

    @Test
    void checkInsFollowTheVersionOfTheIncident() {
        Instant heldAt = REPORTED_V2.plus(Duration.ofHours(20));

        fixture().givenCurrentTime(REPORTED_V2)
                .andGivenCommands(report(REPORTED_V2, content(Severity.MODERATE, Aggressor.UNKNOWN)))
                .when(talk(heldAt))
                .expectEventsMatching(payloadsThat("a check-in by a peer supporter a week after the talk",
                        payloads -> payloads.contains(scheduled(FIRST_CHECK_IN, Role.PEER_SUPPORTER,
                                heldAt.plus(Duration.ofHours(1)), heldAt.plus(Duration.ofDays(7))))));
    }

    @Test
    void checkInsAndTheFirstTalkAreRecordedByTheRolesTheirAgreementsName() {
        Instant heldAt = REPORTED_V2.plus(Duration.ofHours(20));
        Instant checkIn = heldAt.plus(Duration.ofDays(6));

        fixture().givenCurrentTime(REPORTED_V2)
                .andGivenCommands(report(REPORTED_V2, content(Severity.MODERATE, Aggressor.UNKNOWN)), talk(heldAt))
                .when(new RecordAftercareTalkCommand(ID, null, checkIn, AftercareOutcome.HELD, false, Set.of(), BRAM,
                        checkIn))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsThat("the first check-in done by bram", payloads -> payloads.contains(
                        new AftercareTalkRecordedEvent(ID, FIRST_CHECK_IN, "sanne", checkIn, AftercareOutcome.HELD, false,
                                Set.of(), "bram", checkIn, TEAM))));
        fixture().givenCurrentTime(REPORTED_V2)
                .andGivenCommands(report(REPORTED_V2, content(Severity.MODERATE, Aggressor.UNKNOWN)))
                .when(new RecordAftercareTalkCommand(ID, null, heldAt, AftercareOutcome.HELD, false, Set.of(), BRAM,
                        heldAt))
                .expectNoEvents()
                .expectException(forbidden("incident.rejected.stepNotYours"));
    }

    @Test
    void anAmendmentAfterANewVersionKeepsTheIncidentsOwnVersion() {
        Instant amendedAt = REPORTED_V2;

        givenReported(content(Severity.MODERATE, Aggressor.UNKNOWN))
                .when(amend(SANNE, content(Severity.SERIOUS, Aggressor.UNKNOWN), amendedAt))
                .expectEventsMatching(payloadsThat("the analysis due 14 days after the report, as version 1 says",
                        payloads -> payloads.contains(
                                scheduled(INCIDENT_ANALYSIS, Role.PREVENTION_OFFICER, amendedAt, ANALYSIS_DUE))));
    }

    // --- matchers

    /** The events' payloads satisfy {@code check}; {@code what} says what was expected. */
    private static Matcher<List<EventMessage<?>>> payloadsThat(String what,
                                                               Predicate<List<Object>> check) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return check.test(events.stream().<Object>map(EventMessage::getPayload).toList());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(what);
            }

            @Override
            protected void describeMismatchSafely(List<EventMessage<?>> events, Description description) {
                description.appendText("events were ").appendValue(events.stream().map(EventMessage::getPayload).toList());
            }
        };
    }

    /** Exactly these steps became tasks, in this order. */
    private static Matcher<List<EventMessage<?>>> stepsScheduled(List<ProtocolStep> steps) {
        return payloadsThat("tasks scheduled for " + steps, payloads -> payloads.stream()
                .filter(TaskScheduledEvent.class::isInstance)
                .map(event -> ((TaskScheduledEvent) event).step())
                .toList()
                .equals(steps));
    }

    /** Refused as a bad input (not as a matter of who may): this message, about this field (null: the whole). */
    private static Matcher<IncidentRejectedException> refused(String messageKey, String field) {
        return new Refusal(false, messageKey, field);
    }

    /** Refused because this person may not do this for this incident. */
    private static Matcher<IncidentRejectedException> forbidden(String messageKey) {
        return new Refusal(true, messageKey, null);
    }

    private static Matcher<StepsStillOpenException> stillOpen(ProtocolStep... steps) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(StepsStillOpenException exception) {
                return exception.openSteps().equals(List.of(steps));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("closing refused while open: ").appendValue(List.of(steps));
            }

            @Override
            protected void describeMismatchSafely(StepsStillOpenException exception, Description description) {
                description.appendText("open were ").appendValue(exception.openSteps());
            }
        };
    }

    private static final class Refusal extends TypeSafeMatcher<IncidentRejectedException> {

        private final boolean forbidden;
        private final String messageKey;
        private final String field;

        Refusal(boolean forbidden, String messageKey, String field) {
            this.forbidden = forbidden;
            this.messageKey = messageKey;
            this.field = field;
        }

        @Override
        protected boolean matchesSafely(IncidentRejectedException exception) {
            return exception instanceof IncidentForbiddenException == forbidden
                    && messageKey.equals(exception.messageKey()) && Objects.equals(field, exception.field());
        }

        @Override
        public void describeTo(Description description) {
            description.appendText(forbidden ? "forbidden: " : "refused: ").appendValue(messageKey)
                    .appendText(" on field ").appendValue(field);
        }

        @Override
        protected void describeMismatchSafely(IncidentRejectedException exception, Description description) {
            description.appendText(exception.getClass().getSimpleName()).appendText(" ").appendValue(exception.messageKey())
                    .appendText(" on field ").appendValue(exception.field());
        }
    }
}
