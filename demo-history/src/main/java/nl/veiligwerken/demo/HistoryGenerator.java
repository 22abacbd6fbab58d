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
import nl.veiligwerken.api.closing.IncidentClosedEvent;
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
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Incident histories as the command side would have written them, from a seed: reports of every kind and
 * severity across teams and quarters, their protocol tasks done on time, late, overdue or still open, first
 * support, aftercare, responses to aggressors, feedback, analyses with learning points, actions and closings,
 * and now and then an amended report. The same seed gives the same history. One generator serves the demo
 * (several quarters for the quarterly review) and the test that rebuilds every view from thousands of them.
 */
public final class HistoryGenerator {

    /** A team and its people: who reports and who follows up. */
    public record Team(TeamId id, String leader, List<String> staff) {

        public Team {
            staff = List.copyOf(staff);
        }
    }

    /** One incident's events so far, in the order the aggregate applied them (its sequence numbers from 0). */
    public record Incident(IncidentId id, List<Object> events) {
    }

    private static final List<String> WHAT_HAPPENED = List.of(
            "Cli\u00ebnt werd boos aan de balie en schreeuwde.",
            "Dreigde tijdens het huisbezoek met slaan.",
            "Stuurde 's avonds dreigende berichten.",
            "Gooide een stoel om tijdens het gesprek.",
            "Weigerde te vertrekken en bleef intimideren.",
            "Schold via de telefoon en hing op.");
    private static final List<String> CAUSES = List.of("Lange wachttijd aan de balie",
            "Teleurstelling over een besluit", "Alleen op huisbezoek", "Geen afspraken over bereikbaarheid");
    private static final List<String> LESSONS = List.of("Eerder de-escaleren, niet in discussie gaan.",
            "Huisbezoek bij deze cli\u00ebnt met z'n twee\u00ebn.", "Signalen van spanning eerder bespreken in het team.",
            "Alarmknop binnen handbereik houden.", "Grenzen duidelijk benoemen en vasthouden.");

    private final Random random;
    private final List<Team> teams;
    private final String analyst;
    private final Instant from;
    private final Duration span;

    /** Reports fall between {@code from} and {@code from + span}; {@code analyst} analyses the serious ones. */
    public HistoryGenerator(long seed, List<Team> teams, String analyst, Instant from, Duration span) {
        this.random = new Random(seed);
        this.teams = List.copyOf(teams);
        this.analyst = analyst;
        this.from = from;
        this.span = span;
    }

    public Incident incident() {
        Life life = new Life(new IncidentId(uuid()), pick(teams),
                from.plusSeconds((long) (random.nextDouble() * span.toSeconds())));
        return new Incident(life.id, List.copyOf(life.events));
    }

    /** Ids from the seed too, so that the same seed gives the very same history. */
    private String uuid() {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private final class Life {

        final List<Object> events = new ArrayList<>();
        final IncidentId id;
        final TeamId team;
        final String reporter;
        final String leader;
        boolean anyOpen;

        Life(IncidentId id, Team people, Instant reportedAt) {
            this.id = id;
            this.team = people.id();
            this.reporter = pick(people.staff());
            this.leader = people.leader();
            Severity severity = pick(List.of(Severity.MINOR, Severity.MINOR, Severity.MINOR, Severity.MODERATE,
                    Severity.MODERATE, Severity.SERIOUS, Severity.SEVERE));
            Set<AggressionKind> kinds = EnumSet.of(pick(List.of(AggressionKind.values())));
            if (chance(0.3)) {
                kinds.add(pick(List.of(AggressionKind.values())));
            }
            Aggressor aggressor = pick(List.of(Aggressor.values()));
            Set<Injury> injuries = severity.compareTo(Severity.SERIOUS) >= 0 && chance(0.3)
                    ? Set.of(Injury.HOSPITAL_ADMISSION) : Set.of();
            ReportContent content = new ReportContent(reportedAt.minus(Duration.ofHours(1 + random.nextInt(48))),
                    pick(List.of(Setting.values())), kinds, severity, pick(WHAT_HAPPENED), aggressor,
                    aggressor == Aggressor.CLIENT ? "CL-" + (1000 + random.nextInt(9000)) : null, injuries, chance(0.1));
            add(new IncidentReportedEvent(id, team, reporter, null,
                    reportedAt, content, true, 1));

            task(ProtocolStep.FIRST_SUPPORT, reportedAt, Duration.ofHours(24), done -> new FirstSupportOfferedEvent(id,
                    leader, done, chance(0.7) ? FirstSupportResponse.ACCEPTED : FirstSupportResponse.DECLINED, leader, done));
            task(ProtocolStep.AFTERCARE_TALK, reportedAt, Duration.ofHours(72), done -> new AftercareTalkRecordedEvent(id,
                    ProtocolStep.AFTERCARE_TALK, reporter, done, chance(0.85) ? AftercareOutcome.HELD : AftercareOutcome.DECLINED,
                    chance(0.15), chance(0.1) ? Set.of(Referral.COMPANY_DOCTOR) : Set.of(), leader, done));
            if (aggressor.isKnown()) {
                task(ProtocolStep.AGGRESSOR_RESPONSE, reportedAt, Duration.ofHours(48), done ->
                        new AggressorResponseRecordedEvent(id, Set.of(pick(List.of(AggressorResponse.values()))),
                                "Gesprek gevoerd", done, leader, done));
            }
            if (!injuries.isEmpty()) {
                task(ProtocolStep.LABOUR_INSPECTORATE, reportedAt, Duration.ofHours(10), done ->
                        new LabourInspectorateNotifiedEvent(id, done, "AI-" + random.nextInt(100000), leader, done));
            }
            if (severity.compareTo(Severity.SERIOUS) >= 0) {
                task(ProtocolStep.INCIDENT_ANALYSIS, reportedAt, Duration.ofDays(14), done -> new IncidentAnalysedEvent(id,
                        pick(CAUSES), null, List.of(new LearningPoint(pick(List.of(LearningLevel.values())),
                        chance(0.8) ? pick(List.of(Skill.values())) : null, pick(LESSONS))), analyst, done));
            }
            task(ProtocolStep.FEEDBACK, reportedAt, Duration.ofDays(9), done ->
                    new FeedbackGivenEvent(id, reporter, "We hebben het opgepakt.", leader, done));
            if (chance(0.05)) {
                ReportContent amended = new ReportContent(content.occurredAt(), content.setting(), content.kinds(),
                        severity == Severity.MINOR ? Severity.MODERATE : severity, "Aangevuld", aggressor,
                        content.clientReference(), injuries, content.policeInvolved());
                add(new ReportAmendedEvent(id, amended, "Aangevuld", reporter, reportedAt.plus(Duration.ofHours(5))));
            }
            if (chance(0.3)) {
                ActionId action = new ActionId(uuid());
                Instant due = reportedAt.plus(Duration.ofDays(14));
                add(new FollowUpActionPlannedEvent(id, action, pick(List.of(FollowUpKind.values())), "Actie", reporter,
                        due, false, leader, reportedAt.plus(Duration.ofHours(6))));
                TaskId task = new TaskId(id.value() + ":action-" + action.value());
                add(new TaskScheduledEvent(task, id, team, ProtocolStep.FOLLOW_UP_ACTION, null,
                        reportedAt.plus(Duration.ofHours(6)), due, reporter));
                if (chance(0.7)) {
                    Instant done = reportedAt.plus(Duration.ofDays(3 + random.nextInt(20)));
                    add(new FollowUpActionCompletedEvent(id, action, "Gedaan", done, reporter, done));
                    add(new TaskCompletedEvent(task, id, team, ProtocolStep.FOLLOW_UP_ACTION, due, done, done.isAfter(due)));
                } else {
                    anyOpen = true;
                }
            }
            if (!anyOpen && chance(0.8)) {
                add(new IncidentClosedEvent(id, leader, reportedAt.plus(Duration.ofDays(30))));
            }
        }

        /** A task of the agreements and how it went: mostly on time, sometimes late, overdue, or still open. */
        void task(ProtocolStep step, Instant reportedAt, Duration due, java.util.function.Function<Instant, Object> doing) {
            TaskId task = new TaskId(id.value() + ":" + step.name().toLowerCase().replace('_', '-'));
            Instant dueAt = reportedAt.plus(due);
            add(new TaskScheduledEvent(task, id, team, step, Role.TEAM_LEADER, reportedAt, dueAt, null));
            double how = random.nextDouble();
            if (how < 0.7) {
                finish(task, step, dueAt, dueAt.minus(Duration.ofMinutes(1 + random.nextInt((int) due.toMinutes() - 1))), doing);
            } else if (how < 0.85) {
                add(new TaskOverdueEvent(task, id, team, step, dueAt, Role.TEAM_LEADER, null, Role.MANAGEMENT));
                finish(task, step, dueAt, dueAt.plus(Duration.ofHours(1 + random.nextInt(72))), doing);
            } else if (how < 0.95) {
                add(new TaskOverdueEvent(task, id, team, step, dueAt, Role.TEAM_LEADER, null, Role.MANAGEMENT));
                anyOpen = true;
            } else {
                anyOpen = true;
            }
        }

        void finish(TaskId task, ProtocolStep step, Instant dueAt, Instant done,
                    java.util.function.Function<Instant, Object> doing) {
            add(doing.apply(done));
            add(new TaskCompletedEvent(task, id, team, step, dueAt, done, done.isAfter(dueAt)));
        }

        void add(Object payload) {
            events.add(payload);
        }
    }
}
