package nl.veiligwerken.query.timeline;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.aftercare.Referral;
import nl.veiligwerken.api.analysis.IncidentAnalysedEvent;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportResponse;
import nl.veiligwerken.api.followup.AggressorResponse;
import nl.veiligwerken.api.followup.AggressorResponseRecordedEvent;
import nl.veiligwerken.api.followup.FollowUpActionCompletedEvent;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.api.followup.LabourInspectorateNotifiedEvent;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.query.ViewDatabase;
import nl.veiligwerken.query.queries.FindTimelineQuery;
import nl.veiligwerken.query.queries.TimelineAudience;
import nl.veiligwerken.query.queries.TimelineEntry;
import nl.veiligwerken.query.queries.TimelineEntryType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineProjectionTest {

    private static final TeamId NOORD = new TeamId("noord");
    private static final IncidentId INCIDENT = new IncidentId("incident-t");
    private static final Instant REPORTED = Instant.parse("2026-03-02T09:15:00Z");
    private static final TaskId SUPPORT_TASK = new TaskId("incident-t:first-support");

    private TimelineProjection projection;

    @BeforeEach
    void emptyView() {
        projection = new TimelineProjection(new TimelineRepository(ViewDatabase.jdbc()));
        projection.reset();
    }

    @Test
    void everyStepOfTheIncidentInTheOrderItWasRecorded() {
        aWholeLife();

        assertThat(timeline(TimelineAudience.FOLLOW_UP)).extracting(TimelineEntry::type).containsExactly(
                TimelineEntryType.REPORTED, TimelineEntryType.TASK_SCHEDULED, TimelineEntryType.AMENDED,
                TimelineEntryType.TASK_OVERDUE, TimelineEntryType.FIRST_SUPPORT_OFFERED,
                TimelineEntryType.TASK_COMPLETED, TimelineEntryType.AFTERCARE_TALK,
                TimelineEntryType.AGGRESSOR_RESPONSE, TimelineEntryType.ACTION_PLANNED,
                TimelineEntryType.ACTION_COMPLETED, TimelineEntryType.FEEDBACK_GIVEN, TimelineEntryType.ANALYSED,
                TimelineEntryType.LABOUR_INSPECTORATE_NOTIFIED, TimelineEntryType.TASK_WITHDRAWN,
                TimelineEntryType.CLOSED, TimelineEntryType.REOPENED);
    }

    @Test
    void theFollowUpReadsEverythingWhoWhenAndWhetherOnTime() {
        aWholeLife();

        List<TimelineEntry> entries = timeline(TimelineAudience.FOLLOW_UP);

        assertThat(entries.get(0)).satisfies(reported -> {
            assertThat(reported.at()).isEqualTo(REPORTED);
            assertThat(reported.actor()).isEqualTo("mark");
            assertThat(reported.person()).isEqualTo("sanne");
        });
        assertThat(entries.get(1)).satisfies(scheduled -> {
            assertThat(scheduled.step()).isEqualTo(ProtocolStep.FIRST_SUPPORT);
            assertThat(scheduled.assigneeRole()).isEqualTo(Role.TEAM_LEADER);
            assertThat(scheduled.dueAt()).isEqualTo(REPORTED.plus(Duration.ofHours(24)));
            assertThat(scheduled.actor()).isNull();
        });
        assertThat(entries.get(3).at()).as("overdue at its due time").isEqualTo(REPORTED.plus(Duration.ofHours(24)));
        assertThat(entries.get(4).outcome()).isEqualTo("ACCEPTED");
        assertThat(entries.get(5).late()).isTrue();
        assertThat(entries.get(6)).satisfies(talk -> {
            assertThat(talk.step()).isEqualTo(ProtocolStep.AFTERCARE_TALK);
            assertThat(talk.outcome()).isEqualTo("HELD");
            assertThat(talk.needsMoreHelp()).isTrue();
            assertThat(talk.codes()).containsExactly("COMPANY_DOCTOR", "PSYCHOLOGIST");
            assertThat(talk.person()).isEqualTo("sanne");
        });
        assertThat(entries.get(7).codes()).containsExactly("CONVERSATION", "LETTER");
        assertThat(entries.get(7).text()).isEqualTo("Gesprek met moeder en cli\u00ebnt.");
        assertThat(entries.get(8).text()).isEqualTo("Alarmknop in spreekkamer 2");
        assertThat(entries.get(9).outcome()).as("the kind of the planned action").isEqualTo("PREVENTIVE_MEASURE");
        assertThat(entries.get(9).text()).isEqualTo("Geplaatst");
        assertThat(entries.get(10).text()).isEqualTo("We hebben met de cli\u00ebnt gesproken.");
        assertThat(entries.get(11).text()).isEqualTo("Wachtkamer te vol");
        assertThat(entries.get(12).text()).isEqualTo("AI-2026-17");
        assertThat(entries.get(15).text()).isEqualTo("Cli\u00ebnt dreigde opnieuw");
        assertThat(entries.get(15).actor()).isEqualTo("mark");
    }

    @Test
    void theReporterSeesThatEachStepTookPlaceButNotTheNotesBehindIt() {
        aWholeLife();

        List<TimelineEntry> entries = timeline(TimelineAudience.REPORTER);

        assertThat(entries).hasSize(16);
        TimelineEntry talk = entries.get(6);
        assertThat(talk.outcome()).isEqualTo("HELD");
        assertThat(talk.needsMoreHelp()).isNull();
        assertThat(talk.codes()).isEmpty();
        assertThat(entries.get(11).type()).isEqualTo(TimelineEntryType.ANALYSED);
        assertThat(entries.get(11).text()).isNull();
        assertThat(entries.get(7).codes()).as("what was done to the aggressor").containsExactly("CONVERSATION", "LETTER");
        assertThat(entries.get(7).text()).isNull();
        assertThat(entries.get(8).text()).isNull();
        assertThat(entries.get(12).text()).isNull();
        // what the reporter was told, and why it was amended and reopened, are theirs to read
        assertThat(entries.get(10).text()).isEqualTo("We hebben met de cli\u00ebnt gesproken.");
        assertThat(entries.get(2).text()).isEqualTo("Ernst aangepast");
        assertThat(entries.get(15).text()).isEqualTo("Cli\u00ebnt dreigde opnieuw");
        assertThat(entries.get(5).late()).isTrue();
    }

    @Test
    void theSameEventDeliveredTwiceIsOneRow() {
        IncidentReportedEvent reported = reported();
        FirstSupportOfferedEvent offered = new FirstSupportOfferedEvent(INCIDENT, "bram", REPORTED.plusSeconds(600),
                FirstSupportResponse.DECLINED, "mark", REPORTED.plusSeconds(700));

        projection.on(reported, "e-0", 0);
        projection.on(offered, "e-1", 1);
        projection.on(reported, "e-0", 0);
        projection.on(offered, "e-1", 1);

        assertThat(timeline(TimelineAudience.FOLLOW_UP)).extracting(TimelineEntry::eventId).containsExactly("e-0", "e-1");
    }

    @Test
    void onlyTheIncidentAskedFor() {
        projection.on(reported(), "e-0", 0);
        projection.on(new IncidentReportedEvent(new IncidentId("elsewhere"), NOORD, "fatima", REPORTED, null,
                Setting.OFFICE, Set.of(AggressionKind.THREAT), Severity.MINOR, "x", false, null, null, null, null,
                false, 1), "e-other", 0);

        assertThat(timeline(TimelineAudience.FOLLOW_UP)).extracting(TimelineEntry::eventId).containsExactly("e-0");
    }

    @Test
    void resetEmptiesTheViewForAReplay() {
        projection.on(reported(), "e-0", 0);

        projection.reset();

        assertThat(timeline(TimelineAudience.FOLLOW_UP)).isEmpty();
    }

    @Test
    void anErasedIncidentKeepsItsStepsButNotWhoTookThemTheirNotesOrReferrals() {
        projection.on(reported(), "e-0", 0);
        projection.on(new AftercareTalkRecordedEvent(INCIDENT, ProtocolStep.AFTERCARE_TALK, "sanne",
                REPORTED.plusSeconds(600), AftercareOutcome.HELD, true, Set.of(Referral.PSYCHOLOGIST), "mark",
                REPORTED.plusSeconds(600), NOORD), "e-1", 1);
        projection.on(new ReportAmendedEvent(INCIDENT, reported().content(), "Naam van de cli\u00ebnt verbeterd",
                "mark", REPORTED.plusSeconds(900)), "e-2", 2);
        projection.on(new PersonalDataErasedEvent(INCIDENT, NOORD, REPORTED.plus(Duration.ofDays(2000))));

        List<TimelineEntry> entries = timeline(TimelineAudience.FOLLOW_UP);
        assertThat(entries).extracting(TimelineEntry::type).containsExactly(TimelineEntryType.REPORTED,
                TimelineEntryType.AFTERCARE_TALK, TimelineEntryType.AMENDED);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.actor()).isNull();
            assertThat(entry.person()).isNull();
            assertThat(entry.text()).isNull();
            assertThat(entry.codes()).isEmpty();
        });
        assertThat(entries.get(1).outcome()).isEqualTo("HELD");
        assertThat(entries.get(1).needsMoreHelp()).isTrue();
    }

    private List<TimelineEntry> timeline(TimelineAudience audience) {
        return projection.handle(new FindTimelineQuery(INCIDENT, audience));
    }

    private static IncidentReportedEvent reported() {
        return new IncidentReportedEvent(INCIDENT, NOORD, "mark", REPORTED, REPORTED.minusSeconds(3600),
                Setting.CLIENT_HOME, Set.of(AggressionKind.THREAT), Severity.SERIOUS, "Dreigde.", true, "sanne",
                null, null, null, false, 1);
    }

    /** An incident from report to reopening, as the command side records it. */
    private void aWholeLife() {
        Instant due = REPORTED.plus(Duration.ofHours(24));
        ActionId action = new ActionId("a-1");
        long n = 0;
        projection.on(reported(), "e-" + n, n++);
        projection.on(new TaskScheduledEvent(SUPPORT_TASK, INCIDENT, NOORD, ProtocolStep.FIRST_SUPPORT, Role.TEAM_LEADER,
                REPORTED, due, null), "e-" + n, n++);
        projection.on(new ReportAmendedEvent(INCIDENT, reported().content(), "Ernst aangepast", "mark",
                REPORTED.plusSeconds(60)), "e-" + n, n++);
        projection.on(new TaskOverdueEvent(SUPPORT_TASK, INCIDENT, NOORD, ProtocolStep.FIRST_SUPPORT, due, null, null, null), "e-" + n, n++);
        projection.on(new FirstSupportOfferedEvent(INCIDENT, "bram", due.plusSeconds(3600), FirstSupportResponse.ACCEPTED,
                "bram", due.plusSeconds(3700)), "e-" + n, n++);
        projection.on(new TaskCompletedEvent(SUPPORT_TASK, INCIDENT, NOORD, ProtocolStep.FIRST_SUPPORT, due,
                due.plusSeconds(3700), true), "e-" + n, n++);
        projection.on(new AftercareTalkRecordedEvent(INCIDENT, ProtocolStep.AFTERCARE_TALK, "sanne",
                REPORTED.plus(Duration.ofDays(2)), AftercareOutcome.HELD, true,
                Set.of(Referral.PSYCHOLOGIST, Referral.COMPANY_DOCTOR), "mark", REPORTED.plus(Duration.ofDays(2))),
                "e-" + n, n++);
        projection.on(new AggressorResponseRecordedEvent(INCIDENT, Set.of(AggressorResponse.LETTER,
                AggressorResponse.CONVERSATION), "Gesprek met moeder en cli\u00ebnt.", REPORTED.plus(Duration.ofDays(1)),
                "mark", REPORTED.plus(Duration.ofDays(1))), "e-" + n, n++);
        projection.on(new FollowUpActionPlannedEvent(INCIDENT, action, FollowUpKind.PREVENTIVE_MEASURE,
                "Alarmknop in spreekkamer 2", "kees", REPORTED.plus(Duration.ofDays(20)), false, "pim",
                REPORTED.plus(Duration.ofDays(3))), "e-" + n, n++);
        projection.on(new FollowUpActionCompletedEvent(INCIDENT, action, "Geplaatst", REPORTED.plus(Duration.ofDays(4)),
                "kees", REPORTED.plus(Duration.ofDays(4))), "e-" + n, n++);
        projection.on(new FeedbackGivenEvent(INCIDENT, "mark", "We hebben met de cli\u00ebnt gesproken.", "mark",
                REPORTED.plus(Duration.ofDays(5))), "e-" + n, n++);
        projection.on(new IncidentAnalysedEvent(INCIDENT, "Wachtkamer te vol", "Lange wachttijd", List.of(), "pim",
                REPORTED.plus(Duration.ofDays(6))), "e-" + n, n++);
        projection.on(new LabourInspectorateNotifiedEvent(INCIDENT, REPORTED.plusSeconds(7200), "AI-2026-17", "mark",
                REPORTED.plus(Duration.ofDays(6))), "e-" + n, n++);
        projection.on(new TaskWithdrawnEvent(new TaskId("incident-t:analysis"), INCIDENT, NOORD,
                ProtocolStep.INCIDENT_ANALYSIS, REPORTED.plus(Duration.ofDays(6))), "e-" + n, n++);
        projection.on(new IncidentClosedEvent(INCIDENT, "mark", REPORTED.plus(Duration.ofDays(7))), "e-" + n, n++);
        projection.on(new IncidentReopenedEvent(INCIDENT, "Cli\u00ebnt dreigde opnieuw", "mark",
                REPORTED.plus(Duration.ofDays(8))), "e-" + n, n);
    }
}
