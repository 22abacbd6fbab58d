package nl.veiligwerken.command.incident;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.closing.CloseIncidentCommand;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.closing.ReopenIncidentCommand;
import nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportResponse;
import nl.veiligwerken.api.firstsupport.RecordFirstSupportCommand;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportIncidentCommand;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.command.protocol.ProtocolDefaults;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

class IncidentTest {

    private static final IncidentId ID = new IncidentId("incident-1");
    private static final TeamId TEAM = new TeamId("ambulant-noord");
    private static final Instant REPORTED = Instant.parse("2026-11-23T09:00:00Z");

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(new ProtocolDefaults(Duration.ofHours(24)));
    }

    private static ReportIncidentCommand report(Instant occurredAt, Set<AggressionKind> kinds, String description) {
        return new ReportIncidentCommand(ID, TEAM, "sanne", REPORTED, occurredAt, Setting.CLIENT_HOME, kinds,
                Severity.SERIOUS, description, true);
    }

    @Test
    void reportingAnIncidentSchedulesFirstSupportForTheTeamLeaderWithin24Hours() {
        Instant occurred = REPORTED.minus(Duration.ofHours(2));
        fixture.givenNoPriorActivity()
                .when(report(occurred, Set.of(AggressionKind.THREAT, AggressionKind.VERBAL_ABUSE), "Dreigde met slaan"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new IncidentReportedEvent(ID, TEAM, "sanne", REPORTED, occurred, Setting.CLIENT_HOME,
                                Set.of(AggressionKind.THREAT, AggressionKind.VERBAL_ABUSE), Severity.SERIOUS,
                                "Dreigde met slaan", true),
                        new TaskScheduledEvent(new TaskId("incident-1:first-support"), ID, TEAM,
                                ProtocolStep.FIRST_SUPPORT, Role.TEAM_LEADER, REPORTED,
                                REPORTED.plus(Duration.ofHours(24))))
                .expectResultMessagePayload(1L)
                .expectScheduledDeadlineWithName(REPORTED.plus(Duration.ofHours(24)), "task-due-FIRST_SUPPORT");
    }

    @Test
    void aTaskNotDoneByItsDueTimeBecomesOverdueAtThatMoment() {
        Instant now = fixture.currentTime();
        fixture.givenCommands(new ReportIncidentCommand(ID, TEAM, "sanne", now, now.minus(Duration.ofHours(1)),
                        Setting.PHONE, Set.of(AggressionKind.THREAT), Severity.MINOR, "x", false))
                .whenTimeElapses(Duration.ofHours(24).plusSeconds(1))
                .expectEvents(new TaskOverdueEvent(new TaskId("incident-1:first-support"), ID, TEAM,
                        ProtocolStep.FIRST_SUPPORT, now.plus(Duration.ofHours(24))));
    }

    @Test
    void aTaskDoneInTimeNeverBecomesOverdue() {
        Instant now = fixture.currentTime();
        fixture.givenCommands(
                        new ReportIncidentCommand(ID, TEAM, "sanne", now, now.minus(Duration.ofHours(1)),
                                Setting.PHONE, Set.of(AggressionKind.THREAT), Severity.MINOR, "x", false),
                        firstSupport(now.plus(Duration.ofMinutes(30)), Set.of(TEAM)))
                .whenTimeElapses(Duration.ofDays(3))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aLateReportStillGetsItsFullTimeForFirstSupport() {
        Instant occurred = REPORTED.minus(Duration.ofDays(5));
        fixture.givenNoPriorActivity()
                .when(report(occurred, Set.of(AggressionKind.INTIMIDATION), "Week geleden"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new IncidentReportedEvent(ID, TEAM, "sanne", REPORTED, occurred, Setting.CLIENT_HOME,
                                Set.of(AggressionKind.INTIMIDATION), Severity.SERIOUS, "Week geleden", true),
                        new TaskScheduledEvent(new TaskId("incident-1:first-support"), ID, TEAM,
                                ProtocolStep.FIRST_SUPPORT, Role.TEAM_LEADER, REPORTED,
                                REPORTED.plus(Duration.ofHours(24))));
    }

    private IncidentReportedEvent reported() {
        return new IncidentReportedEvent(ID, TEAM, "sanne", REPORTED, REPORTED.minus(Duration.ofHours(1)),
                Setting.OFFICE, Set.of(AggressionKind.THREAT), Severity.MODERATE, "Dreigde", true);
    }

    private TaskScheduledEvent firstSupportScheduled() {
        return new TaskScheduledEvent(new TaskId("incident-1:first-support"), ID, TEAM, ProtocolStep.FIRST_SUPPORT,
                Role.TEAM_LEADER, REPORTED, REPORTED.plus(Duration.ofHours(24)));
    }

    private static RecordFirstSupportCommand firstSupport(Instant offeredAt, Set<TeamId> leads) {
        return new RecordFirstSupportCommand(ID, null, "mark", offeredAt, FirstSupportResponse.DECLINED, "mark", leads,
                offeredAt.plus(Duration.ofMinutes(10)));
    }

    @Test
    void canRecordFirstSupportWithinTheDeadlineAndItsTaskIsDoneOnTime() {
        Instant offered = REPORTED.plus(Duration.ofHours(3));
        fixture.given(reported(), firstSupportScheduled())
                .when(firstSupport(offered, Set.of(TEAM)))
                .expectEvents(
                        new FirstSupportOfferedEvent(ID, "mark", offered, FirstSupportResponse.DECLINED, "mark",
                                offered.plus(Duration.ofMinutes(10))),
                        new TaskCompletedEvent(new TaskId("incident-1:first-support"), ID, TEAM,
                                ProtocolStep.FIRST_SUPPORT, REPORTED.plus(Duration.ofHours(24)), offered, false))
                .expectResultMessagePayload(3L);
    }

    @Test
    void firstSupportOfferedAfterTheDeadlineIsRecordedAsLate() {
        Instant offered = REPORTED.plus(Duration.ofHours(30));
        fixture.given(reported(), firstSupportScheduled())
                .when(firstSupport(offered, Set.of(TEAM)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(FirstSupportOfferedEvent.class),
                                org.hamcrest.Matchers.equalTo(new TaskCompletedEvent(new TaskId("incident-1:first-support"),
                                        ID, TEAM, ProtocolStep.FIRST_SUPPORT, REPORTED.plus(Duration.ofHours(24)),
                                        offered, true)),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void cannotRecordFirstSupportForATeamOneDoesNotLead() {
        fixture.given(reported(), firstSupportScheduled())
                .when(firstSupport(REPORTED.plus(Duration.ofHours(1)), Set.of(new TeamId("woongroep-zuid"))))
                .expectNoEvents()
                .expectException(IncidentForbiddenException.class);
    }

    @Test
    void cannotRecordFirstSupportTwice() {
        Instant offered = REPORTED.plus(Duration.ofHours(1));
        fixture.given(reported(), firstSupportScheduled(),
                        new FirstSupportOfferedEvent(ID, "mark", offered, FirstSupportResponse.ACCEPTED, "mark", offered))
                .when(firstSupport(offered, Set.of(TEAM)))
                .expectNoEvents()
                .expectExceptionMessage("incident.rejected.firstSupportAlreadyRecorded");
    }

    @Test
    void cannotRecordFirstSupportOfferedBeforeTheIncidentHappened() {
        fixture.given(reported(), firstSupportScheduled())
                .when(firstSupport(REPORTED.minus(Duration.ofDays(1)), Set.of(TEAM)))
                .expectNoEvents()
                .expectExceptionMessage("incident.rejected.offeredBeforeIncident");
    }

    @Test
    void cannotRecordFirstSupportAgainstAVersionSomeoneElseChangedMeanwhile() {
        Instant offered = REPORTED.plus(Duration.ofHours(1));
        fixture.given(reported(), firstSupportScheduled(),
                        new FirstSupportOfferedEvent(ID, "peter", offered, FirstSupportResponse.ACCEPTED, "peter", offered))
                .when(new RecordFirstSupportCommand(ID, 1L, "mark", offered, FirstSupportResponse.ACCEPTED, "mark",
                        Set.of(TEAM), offered))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    @Test
    void cannotCloseIncidentWithOpenRequiredSteps() {
        fixture.given(reported(), firstSupportScheduled())
                .when(new CloseIncidentCommand(ID, null, "mark", Set.of(TEAM), REPORTED.plus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(StepsStillOpenException.class)
                .expectException(new org.hamcrest.CustomTypeSafeMatcher<StepsStillOpenException>("naming FIRST_SUPPORT") {
                    @Override
                    protected boolean matchesSafely(StepsStillOpenException e) {
                        return e.openSteps().equals(java.util.List.of(ProtocolStep.FIRST_SUPPORT));
                    }
                });
    }

    @Test
    void canCloseAnIncidentOnceItsRequiredStepsAreDone() {
        Instant offered = REPORTED.plus(Duration.ofHours(1));
        fixture.given(reported(), firstSupportScheduled(),
                        new FirstSupportOfferedEvent(ID, "mark", offered, FirstSupportResponse.ACCEPTED, "mark", offered),
                        new TaskCompletedEvent(new TaskId("incident-1:first-support"), ID, TEAM, ProtocolStep.FIRST_SUPPORT,
                                REPORTED.plus(Duration.ofHours(24)), offered, false))
                .when(new CloseIncidentCommand(ID, null, "mark", Set.of(TEAM), REPORTED.plus(Duration.ofDays(1))))
                .expectEvents(new IncidentClosedEvent(ID, "mark", REPORTED.plus(Duration.ofDays(1))));
    }

    @Test
    void aClosedIncidentCanBeReopenedWithAReasonAndTakesNoStepsUntilThen() {
        Instant closedAt = REPORTED.plus(Duration.ofDays(1));
        fixture.given(reported(), new IncidentClosedEvent(ID, "mark", closedAt))
                .when(firstSupport(REPORTED.plus(Duration.ofHours(2)), Set.of(TEAM)))
                .expectNoEvents()
                .expectExceptionMessage("incident.rejected.closed");
        fixture.given(reported(), new IncidentClosedEvent(ID, "mark", closedAt))
                .when(new ReopenIncidentCommand(ID, null, "  ", "mark", Set.of(TEAM), closedAt.plusSeconds(60)))
                .expectNoEvents()
                .expectExceptionMessage("incident.rejected.noReopenReason");
        fixture.given(reported(), new IncidentClosedEvent(ID, "mark", closedAt))
                .when(new ReopenIncidentCommand(ID, null, "Cliënt dreigde opnieuw", "mark", Set.of(TEAM),
                        closedAt.plusSeconds(60)))
                .expectEvents(new IncidentReopenedEvent(ID, "Cliënt dreigde opnieuw", "mark", closedAt.plusSeconds(60)));
    }

    @Test
    void cannotReopenAnIncidentThatIsNotClosed() {
        fixture.given(reported())
                .when(new ReopenIncidentCommand(ID, null, "waarom", "mark", Set.of(TEAM), REPORTED))
                .expectNoEvents()
                .expectExceptionMessage("incident.rejected.notClosed");
    }

    @Test
    void cannotReportAnIncidentThatHappensInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(report(REPORTED.plus(Duration.ofHours(1)), Set.of(AggressionKind.THREAT), "x"))
                .expectNoEvents()
                .expectException(IncidentRejectedException.class)
                .expectExceptionMessage("incident.rejected.occurredInFuture");
    }

    @Test
    void cannotReportAnIncidentWithoutAKindOfAggression() {
        fixture.givenNoPriorActivity()
                .when(report(REPORTED, Set.of(), "x"))
                .expectNoEvents()
                .expectException(IncidentRejectedException.class)
                .expectExceptionMessage("incident.rejected.noKinds");
    }

    @Test
    void cannotReportAnIncidentWithoutSayingWhatHappened() {
        fixture.givenNoPriorActivity()
                .when(report(REPORTED, Set.of(AggressionKind.THREAT), "   "))
                .expectNoEvents()
                .expectException(IncidentRejectedException.class);
    }
}
