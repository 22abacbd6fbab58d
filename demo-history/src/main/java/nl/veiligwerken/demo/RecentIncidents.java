package nl.veiligwerken.demo;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.aftercare.Referral;
import nl.veiligwerken.api.analysis.IncidentAnalysedEvent;
import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.LearningPoint;
import nl.veiligwerken.api.analysis.Skill;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportResponse;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.followup.AggressorResponse;
import nl.veiligwerken.api.followup.AggressorResponseRecordedEvent;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A handful of incidents as they stand at {@code now}, each placed so that the notifier has something to say
 * within minutes of a demo's start: a serious incident just reported with the Labour Inspectorate duty, one whose
 * first support falls overdue ten minutes from now (with a peer supporter assigned), a first check-in due
 * tomorrow after a talk that found a need for more help, feedback just given to a reporter, and a follow-up
 * action for a staff member due in a few hours. Unlike {@link HistoryGenerator}'s history these are news: the
 * demo publishes them, so everything after them happens for real (reminders, overdue, escalation).
 *
 * <p>Written as the command side would have written them (task ids and due times as the default agreements
 * give them); the open tasks' deadlines are the caller's to schedule.
 */
public final class RecentIncidents {

    /** Who plays which part: one team with a peer supporter, a second team, and the prevention officer. */
    public record Cast(TeamId noord, String noordLeader, String noordStaff, String peerSupporter,
                       TeamId zuid, String zuidLeader, String zuidStaff, String analyst) {
    }

    private final Instant now;
    private final Cast cast;
    private final ZoneId zone;

    public RecentIncidents(Instant now, Cast cast, ZoneId zone) {
        this.now = now;
        this.cast = cast;
        this.zone = zone;
    }

    public List<HistoryGenerator.Incident> incidents() {
        return List.of(justReportedWithHospitalAdmission(), firstSupportAlmostOverdue(), checkInDueTomorrow(),
                feedbackJustGiven(), actionDueToday());
    }

    /** Zuid, five minutes ago: severe, a hospital admission, so the Labour Inspectorate must hear of it today. */
    private HistoryGenerator.Incident justReportedWithHospitalAdmission() {
        Life life = new Life(1, cast.zuid(), cast.zuidStaff(), now.minus(Duration.ofMinutes(5)));
        life.report(Severity.SEVERE, Set.of(AggressionKind.PHYSICAL_VIOLENCE), Setting.CLIENT_HOME, Aggressor.UNKNOWN,
                Set.of(Injury.HOSPITAL_ADMISSION), "Bij het huisbezoek geduwd, gevallen en naar de eerste hulp gebracht.");
        life.schedule(ProtocolStep.LABOUR_INSPECTORATE, Role.TEAM_LEADER, endOfDay(life.reportedAt));
        life.standardSteps(true);
        return life.incident();
    }

    /** Noord, nearly a day ago: first support is due in ten minutes and a peer supporter has been asked. */
    private HistoryGenerator.Incident firstSupportAlmostOverdue() {
        Life life = new Life(2, cast.noord(), cast.noordStaff(), now.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(10)));
        life.report(Severity.SERIOUS, Set.of(AggressionKind.PHYSICAL_VIOLENCE, AggressionKind.THREAT), Setting.OFFICE,
                Aggressor.CLIENT, Set.of(), "Cli\u00ebnt sloeg met de vuist op tafel en greep mij bij de arm.");
        life.standardSteps(true);
        life.add(new PeerSupporterAssignedEvent(life.id, life.team, cast.peerSupporter(), cast.noordLeader(),
                life.reportedAt.plus(Duration.ofMinutes(20))));
        return life.incident();
    }

    /** Noord, two weeks ago: the first talk found a need for more help; the first check-in is due tomorrow. */
    private HistoryGenerator.Incident checkInDueTomorrow() {
        Instant talk = now.minus(Duration.ofDays(14)).plus(Duration.ofHours(20));
        Life life = new Life(3, cast.noord(), cast.noordStaff(), talk.minus(Duration.ofHours(30)));
        life.report(Severity.SERIOUS, Set.of(AggressionKind.THREAT), Setting.OUTREACH, Aggressor.CLIENT, Set.of(),
                "Dreigde bij de uitgang dat hij mij zou opwachten.");
        life.standardSteps(true);
        life.done(ProtocolStep.FIRST_SUPPORT, life.reportedAt.plus(Duration.ofHours(2)), at ->
                new FirstSupportOfferedEvent(life.id, cast.noordLeader(), at, FirstSupportResponse.ACCEPTED, cast.noordLeader(), at));
        life.done(ProtocolStep.AFTERCARE_TALK, talk, at -> new AftercareTalkRecordedEvent(life.id,
                ProtocolStep.AFTERCARE_TALK, life.reporter, at, AftercareOutcome.HELD, true, Set.of(Referral.COMPANY_DOCTOR),
                cast.noordLeader(), at, life.team));
        life.respondedToAggressor(life.reportedAt.plus(Duration.ofDays(1)), cast.noordLeader());
        life.done(ProtocolStep.FEEDBACK, life.reportedAt.plus(Duration.ofDays(5)), at -> new FeedbackGivenEvent(life.id,
                life.reporter, "De cli\u00ebnt heeft een waarschuwingsbrief gekregen.", cast.noordLeader(), at, life.team));
        life.done(ProtocolStep.INCIDENT_ANALYSIS, life.reportedAt.plus(Duration.ofDays(7)), at -> new IncidentAnalysedEvent(
                life.id, "Alleen op pad bij een bekende cli\u00ebnt", null, List.of(new LearningPoint(LearningLevel.TEAM,
                Skill.DE_ESCALATION, "Outreach bij deze cli\u00ebnt met z'n twee\u00ebn.")), cast.analyst(), at));
        life.scheduleAt(ProtocolStep.FIRST_CHECK_IN, Role.TEAM_LEADER, talk, talk.plus(Duration.ofDays(14)));
        return life.incident();
    }

    /** Zuid, last week: first support and the talk done, and the team leader has just given feedback. */
    private HistoryGenerator.Incident feedbackJustGiven() {
        Life life = new Life(4, cast.zuid(), cast.zuidStaff(), now.minus(Duration.ofDays(6)));
        life.report(Severity.MINOR, Set.of(AggressionKind.VERBAL_ABUSE), Setting.PHONE, Aggressor.UNKNOWN, Set.of(),
                "Beller schold mij uit en hing op.");
        life.standardSteps(false);
        life.done(ProtocolStep.FIRST_SUPPORT, life.reportedAt.plus(Duration.ofHours(3)), at ->
                new FirstSupportOfferedEvent(life.id, cast.zuidLeader(), at, FirstSupportResponse.DECLINED, cast.zuidLeader(), at));
        life.done(ProtocolStep.AFTERCARE_TALK, life.reportedAt.plus(Duration.ofDays(2)), at -> new AftercareTalkRecordedEvent(
                life.id, ProtocolStep.AFTERCARE_TALK, life.reporter, at, AftercareOutcome.HELD, false, Set.of(),
                cast.zuidLeader(), at, life.team));
        life.done(ProtocolStep.FEEDBACK, now.minus(Duration.ofMinutes(2)), at -> new FeedbackGivenEvent(life.id,
                life.reporter, "Het nummer is geblokkeerd; bel bij herhaling direct je leidinggevende.", cast.zuidLeader(),
                at, life.team));
        return life.incident();
    }

    /** Noord, three days ago: the reporter herself is to file the police report, due a few hours from now. */
    private HistoryGenerator.Incident actionDueToday() {
        Life life = new Life(5, cast.noord(), cast.noordStaff(), now.minus(Duration.ofDays(3)));
        life.report(Severity.MODERATE, Set.of(AggressionKind.PROPERTY_DAMAGE), Setting.OFFICE, Aggressor.CLIENT,
                Set.of(), "Cli\u00ebnt trapte de deur van de spreekkamer in.");
        life.standardSteps(false);
        life.done(ProtocolStep.FIRST_SUPPORT, life.reportedAt.plus(Duration.ofHours(1)), at ->
                new FirstSupportOfferedEvent(life.id, cast.noordLeader(), at, FirstSupportResponse.ACCEPTED, cast.noordLeader(), at));
        life.done(ProtocolStep.AFTERCARE_TALK, life.reportedAt.plus(Duration.ofDays(1)), at -> new AftercareTalkRecordedEvent(
                life.id, ProtocolStep.AFTERCARE_TALK, life.reporter, at, AftercareOutcome.HELD, false, Set.of(),
                cast.noordLeader(), at, life.team));
        life.respondedToAggressor(life.reportedAt.plus(Duration.ofDays(1)), cast.noordLeader());
        ActionId action = new ActionId(uuid(5, 99));
        Instant plannedAt = now.minus(Duration.ofMinutes(30));
        Instant due = now.plus(Duration.ofHours(3));
        life.add(new FollowUpActionPlannedEvent(life.id, action, FollowUpKind.POLICE_REPORT, "Aangifte doen bij de politie",
                life.reporter, due, false, cast.noordLeader(), plannedAt));
        life.add(new TaskScheduledEvent(new TaskId(life.id.value() + ":action-" + action.value()), life.id, life.team,
                ProtocolStep.FOLLOW_UP_ACTION, null, plannedAt, due, life.reporter));
        return life.incident();
    }

    private Instant endOfDay(Instant at) {
        return at.atZone(zone).toLocalDate().atTime(LocalTime.MAX.withNano(999_999_000)).atZone(zone).toInstant();
    }

    /** Fixed ids, so that a second start of the same demo does not make new ones (and a test can find them). */
    private static String uuid(int incident, int part) {
        return new UUID(0x7e57_2026_1201_0000L + incident, part).toString();
    }

    private final class Life {

        final List<Object> events = new ArrayList<>();
        final IncidentId id;
        final TeamId team;
        final String reporter;
        final Instant reportedAt;

        Life(int number, TeamId team, String reporter, Instant reportedAt) {
            this.id = new IncidentId(uuid(number, 0));
            this.team = team;
            this.reporter = reporter;
            this.reportedAt = reportedAt;
        }

        void report(Severity severity, Set<AggressionKind> kinds, Setting setting, Aggressor aggressor,
                    Set<Injury> injuries, String description) {
            ReportContent content = new ReportContent(reportedAt.minus(Duration.ofMinutes(40)), setting, kinds, severity,
                    description, aggressor, aggressor == Aggressor.CLIENT ? "CL-" + (4000 + events.size()) : null, injuries,
                    false);
            add(new IncidentReportedEvent(id, team, reporter, null, reportedAt, content, true, 1));
        }

        /** The steps every report gets under the default agreements, and the analysis for a serious one. */
        void standardSteps(boolean serious) {
            schedule(ProtocolStep.FIRST_SUPPORT, Role.TEAM_LEADER, reportedAt.plus(Duration.ofHours(24)));
            schedule(ProtocolStep.AFTERCARE_TALK, Role.TEAM_LEADER, reportedAt.plus(Duration.ofHours(72)));
            if (events.get(0) instanceof IncidentReportedEvent reported && reported.aggressor().isKnown()) {
                schedule(ProtocolStep.AGGRESSOR_RESPONSE, Role.TEAM_LEADER, reportedAt.plus(Duration.ofHours(48)));
            }
            schedule(ProtocolStep.FEEDBACK, Role.TEAM_LEADER, reportedAt.plus(Duration.ofDays(9)));
            if (serious) {
                schedule(ProtocolStep.INCIDENT_ANALYSIS, Role.PREVENTION_OFFICER, reportedAt.plus(Duration.ofDays(14)));
            }
        }

        void schedule(ProtocolStep step, Role assignee, Instant dueAt) {
            scheduleAt(step, assignee, reportedAt, dueAt);
        }

        void scheduleAt(ProtocolStep step, Role assignee, Instant scheduledAt, Instant dueAt) {
            add(new TaskScheduledEvent(task(step), id, team, step, assignee, scheduledAt, dueAt, null));
        }

        /** The step's event, and its task completed: on time or late against the due time it was given. */
        void done(ProtocolStep step, Instant at, java.util.function.Function<Instant, Object> doing) {
            Instant dueAt = events.stream().filter(TaskScheduledEvent.class::isInstance).map(TaskScheduledEvent.class::cast)
                    .filter(t -> t.step() == step).findFirst().orElseThrow().dueAt();
            add(doing.apply(at));
            add(new TaskCompletedEvent(task(step), id, team, step, dueAt, at, at.isAfter(dueAt)));
        }

        void respondedToAggressor(Instant at, String leader) {
            done(ProtocolStep.AGGRESSOR_RESPONSE, at, when -> new AggressorResponseRecordedEvent(id,
                    Set.of(AggressorResponse.CONVERSATION), "Gesprek gevoerd over de grenzen.", when, leader, when));
        }

        TaskId task(ProtocolStep step) {
            return new TaskId(id.value() + ":" + step.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }

        void add(Object event) {
            events.add(event);
        }

        HistoryGenerator.Incident incident() {
            return new HistoryGenerator.Incident(id, List.copyOf(events));
        }
    }
}
