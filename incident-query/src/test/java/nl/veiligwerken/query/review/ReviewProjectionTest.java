package nl.veiligwerken.query.review;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.analysis.IncidentAnalysedEvent;
import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.LearningPoint;
import nl.veiligwerken.api.analysis.Skill;
import nl.veiligwerken.api.followup.FollowUpActionCompletedEvent;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.query.ViewDatabase;
import nl.veiligwerken.query.queries.FindOrganisationReviewQuery;
import nl.veiligwerken.query.queries.FindQuarterlyReviewQuery;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.query.queries.QuarterlyReview;
import nl.veiligwerken.query.queries.ReviewAction;
import nl.veiligwerken.query.queries.ReviewLearningPoint;
import nl.veiligwerken.query.queries.TeamReview;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewProjectionTest {

    private static final TeamId NOORD = new TeamId("noord");
    private static final TeamId ZUID = new TeamId("zuid");
    private static final Quarter Q3 = new Quarter(2026, 3);
    private static final Quarter Q4 = new Quarter(2026, 4);
    /** Tuesday 8 September 2026, 10:00 in Amsterdam. */
    private static final Instant REPORTED = Instant.parse("2026-09-08T08:00:00Z");

    private ReviewProjection projection;

    @BeforeEach
    void emptyView() {
        projection = new ReviewProjection(new ReviewRepository(ViewDatabase.jdbc()),
                new OrganisationTime(ZoneId.of("Europe/Amsterdam"), Clock.systemUTC()));
        projection.reset();
    }

    @Test
    void countsTheQuartersIncidentsByKindSeverityAndSetting() {
        reported("a", NOORD, REPORTED, Setting.OFFICE, Severity.MODERATE, AggressionKind.THREAT, AggressionKind.VERBAL_ABUSE);
        reported("b", NOORD, REPORTED, Setting.CLIENT_HOME, Severity.SERIOUS, AggressionKind.THREAT);
        reported("c", NOORD, REPORTED, Setting.OFFICE, Severity.MODERATE, AggressionKind.PHYSICAL_VIOLENCE);
        reported("other-team", ZUID, REPORTED, Setting.OFFICE, Severity.MINOR, AggressionKind.THREAT);
        // 30 September 23:30 UTC is 1 October in Amsterdam: the fourth quarter
        reported("next-quarter", NOORD, Instant.parse("2026-09-30T23:30:00Z"), Setting.PHONE, Severity.MINOR,
                AggressionKind.THREAT);

        QuarterlyReview review = review(NOORD, Q3);

        assertThat(review.incidents()).isEqualTo(3);
        assertThat(review.byKind()).isEqualTo(Map.of(AggressionKind.THREAT, 2, AggressionKind.VERBAL_ABUSE, 1,
                AggressionKind.PHYSICAL_VIOLENCE, 1));
        assertThat(review.bySeverity()).isEqualTo(Map.of(Severity.MODERATE, 2, Severity.SERIOUS, 1));
        assertThat(review.bySetting()).isEqualTo(Map.of(Setting.OFFICE, 2, Setting.CLIENT_HOME, 1));
        assertThat(review(NOORD, Q4).incidents()).isEqualTo(1);
        assertThat(review(ZUID, Q3).incidents()).isEqualTo(1);
        assertThat(review(NOORD, new Quarter(2026, 2))).isEqualTo(QuarterlyReview.empty(new Quarter(2026, 2)));
    }

    /** The same counting as a team's review, for every team at once: what the organisation view is made of. */
    @Test
    void theOrganisationsReviewIsEveryTeamsReviewOfTheQuarter() {
        reported("a", NOORD, REPORTED, Setting.OFFICE, Severity.MODERATE, AggressionKind.THREAT, AggressionKind.VERBAL_ABUSE);
        reported("b", NOORD, REPORTED, Setting.CLIENT_HOME, Severity.SERIOUS, AggressionKind.THREAT);
        projection.on(aftercareTask("b"));
        reported("z", ZUID, REPORTED, Setting.OFFICE, Severity.MINOR, AggressionKind.THREAT);
        planned("z", "letter", FollowUpKind.AGGRESSOR_LETTER, "Brief", REPORTED.plusSeconds(60));
        reported("next-quarter", ZUID, Instant.parse("2026-10-08T08:00:00Z"), Setting.PHONE, Severity.MINOR,
                AggressionKind.THREAT);

        List<TeamReview> teams = projection.handle(new FindOrganisationReviewQuery(Q3));

        assertThat(teams).extracting(TeamReview::team).containsExactly(NOORD, ZUID);
        assertThat(teams.get(0).review()).isEqualTo(review(NOORD, Q3));
        assertThat(teams.get(1).review()).isEqualTo(review(ZUID, Q3));
        assertThat(teams.get(0).review().byKind()).isEqualTo(Map.of(AggressionKind.THREAT, 2, AggressionKind.VERBAL_ABUSE, 1));
        assertThat(teams.get(0).review().aftercareNeeded()).isEqualTo(1);
        assertThat(teams.get(1).review().incidents()).isEqualTo(1);
        assertThat(teams.get(1).review().actions()).extracting(ReviewAction::actionId).containsExactly("letter");
        assertThat(projection.handle(new FindOrganisationReviewQuery(new Quarter(2026, 2)))).isEmpty();
    }

    @Test
    void anAmendedReportCountsAsItReadsNowInTheQuarterItCameIn() {
        reported("a", NOORD, REPORTED, Setting.OFFICE, Severity.MODERATE, AggressionKind.THREAT);
        reported("b", NOORD, REPORTED, Setting.OFFICE, Severity.MODERATE, AggressionKind.THREAT);

        projection.on(new ReportAmendedEvent(new IncidentId("a"), content(Setting.OUTREACH, Severity.SEVERE,
                AggressionKind.PHYSICAL_VIOLENCE, AggressionKind.INTIMIDATION), "Later bleek er geslagen",
                "mark", Instant.parse("2026-10-20T08:00:00Z")));

        QuarterlyReview review = review(NOORD, Q3);
        assertThat(review.incidents()).isEqualTo(2);
        assertThat(review.byKind()).isEqualTo(Map.of(AggressionKind.THREAT, 1, AggressionKind.PHYSICAL_VIOLENCE, 1,
                AggressionKind.INTIMIDATION, 1));
        assertThat(review.bySeverity()).isEqualTo(Map.of(Severity.MODERATE, 1, Severity.SEVERE, 1));
        assertThat(review.bySetting()).isEqualTo(Map.of(Setting.OFFICE, 1, Setting.OUTREACH, 1));
        assertThat(review(NOORD, Q4).incidents()).isZero();
    }

    @Test
    void aftercareIsGivenWhenTheAftercareTalkNeededTookPlace() {
        for (String id : List.of("held", "declined", "not-yet", "withdrawn")) {
            reported(id, NOORD, REPORTED, Setting.OFFICE, Severity.MODERATE, AggressionKind.THREAT);
            projection.on(aftercareTask(id));
        }
        reported("no-task", NOORD, REPORTED, Setting.OFFICE, Severity.MINOR, AggressionKind.THREAT);
        projection.on(talk("held", ProtocolStep.AFTERCARE_TALK, AftercareOutcome.HELD));
        projection.on(talk("declined", ProtocolStep.AFTERCARE_TALK, AftercareOutcome.DECLINED));
        // a check-in is not the aftercare talk
        projection.on(talk("not-yet", ProtocolStep.FIRST_CHECK_IN, AftercareOutcome.HELD));
        projection.on(new TaskWithdrawnEvent(aftercareTask("withdrawn").taskId(), new IncidentId("withdrawn"), NOORD,
                ProtocolStep.AFTERCARE_TALK, REPORTED.plusSeconds(60)));

        QuarterlyReview review = review(NOORD, Q3);
        assertThat(review.aftercareNeeded()).isEqualTo(3);
        assertThat(review.aftercareGiven()).isEqualTo(1);
    }

    @Test
    void actionsCountInTheQuarterTheyWerePlannedAndMeasuresAreActionsOfTheirOwnKind() {
        reported("a", NOORD, REPORTED, Setting.OFFICE, Severity.SERIOUS, AggressionKind.THREAT);
        planned("a", "letter", FollowUpKind.AGGRESSOR_LETTER, "Brief aan de cli\u00ebnt", REPORTED.plusSeconds(3600));
        planned("a", "measure", FollowUpKind.PREVENTIVE_MEASURE, "Alarmknop in spreekkamer 2", REPORTED.plusSeconds(7200));
        planned("a", "later", FollowUpKind.OTHER, "Evaluatie", Instant.parse("2026-10-05T08:00:00Z"));
        projection.on(new FollowUpActionCompletedEvent(new IncidentId("a"), new ActionId("letter"), "Verstuurd",
                Instant.parse("2026-09-10T08:00:00Z"), "mark", Instant.parse("2026-09-10T08:00:00Z")));

        List<ReviewAction> actions = review(NOORD, Q3).actions();
        assertThat(actions).extracting(ReviewAction::actionId, ReviewAction::kind, ReviewAction::completed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("letter", FollowUpKind.AGGRESSOR_LETTER, true),
                        org.assertj.core.groups.Tuple.tuple("measure", FollowUpKind.PREVENTIVE_MEASURE, false));
        assertThat(actions.get(1).description()).isEqualTo("Alarmknop in spreekkamer 2");
        assertThat(review(NOORD, Q4).actions()).extracting(ReviewAction::actionId).containsExactly("later");
    }

    @Test
    void learningPointsCountInTheQuarterOfTheAnalysisWithTheirLevelAndSkill() {
        reported("a", NOORD, REPORTED, Setting.OFFICE, Severity.SERIOUS, AggressionKind.THREAT);
        projection.on(analysed("a", Instant.parse("2026-09-20T08:00:00Z"),
                new LearningPoint(LearningLevel.PERSONAL, Skill.DE_ESCALATION, "Eerder afstand nemen"),
                new LearningPoint(LearningLevel.TEAM, null, "Samen op huisbezoek bij deze cli\u00ebnt")));

        assertThat(review(NOORD, Q3).learningPoints()).containsExactly(
                new ReviewLearningPoint(LearningLevel.PERSONAL, Skill.DE_ESCALATION, "Eerder afstand nemen"),
                new ReviewLearningPoint(LearningLevel.TEAM, null, "Samen op huisbezoek bij deze cli\u00ebnt"));
    }

    @Test
    void aReplayOfTheSameEventsGivesTheSameReview() {
        Runnable history = () -> {
            reported("a", NOORD, REPORTED, Setting.OFFICE, Severity.MODERATE, AggressionKind.THREAT);
            projection.on(aftercareTask("a"));
            projection.on(talk("a", ProtocolStep.AFTERCARE_TALK, AftercareOutcome.HELD));
            planned("a", "measure", FollowUpKind.PREVENTIVE_MEASURE, "Tweede uitgang", REPORTED.plusSeconds(60));
            projection.on(analysed("a", REPORTED.plusSeconds(60),
                    new LearningPoint(LearningLevel.ORGANISATION, Skill.RISK_ASSESSMENT, "Risicotaxatie vooraf")));
            projection.on(new FollowUpActionCompletedEvent(new IncidentId("a"), new ActionId("measure"), "Gedaan",
                    REPORTED.plusSeconds(600), "mark", REPORTED.plusSeconds(600)));
        };
        history.run();
        QuarterlyReview once = review(NOORD, Q3);
        // delivered again, in order
        history.run();

        assertThat(review(NOORD, Q3)).isEqualTo(once);
        assertThat(once.incidents()).isEqualTo(1);
        assertThat(once.aftercareGiven()).isEqualTo(1);
        assertThat(once.actions()).singleElement().satisfies(measure -> assertThat(measure.completed()).isTrue());
        assertThat(once.learningPoints()).hasSize(1);
    }

    private QuarterlyReview review(TeamId team, Quarter quarter) {
        return projection.handle(new FindQuarterlyReviewQuery(team, quarter));
    }

    private void reported(String id, TeamId team, Instant at, Setting setting, Severity severity, AggressionKind... kinds) {
        projection.on(new IncidentReportedEvent(new IncidentId(id), team, "sanne", null, at,
                content(setting, severity, kinds), true, 1));
    }

    private static ReportContent content(Setting setting, Severity severity, AggressionKind... kinds) {
        return new ReportContent(REPORTED.minus(Duration.ofHours(1)), setting, Set.of(kinds), severity, "Wat er gebeurde",
                Aggressor.CLIENT, null, Set.of(), false);
    }

    private static TaskScheduledEvent aftercareTask(String incident) {
        return new TaskScheduledEvent(new TaskId(incident + ":aftercare_talk"), new IncidentId(incident), NOORD,
                ProtocolStep.AFTERCARE_TALK, Role.TEAM_LEADER, REPORTED, REPORTED.plus(Duration.ofHours(72)), null);
    }

    private static AftercareTalkRecordedEvent talk(String incident, ProtocolStep step, AftercareOutcome outcome) {
        Instant at = REPORTED.plus(Duration.ofDays(2));
        return new AftercareTalkRecordedEvent(new IncidentId(incident), step, "sanne", at, outcome, false, Set.of(),
                "mark", at);
    }

    private void planned(String incident, String action, FollowUpKind kind, String description, Instant at) {
        projection.on(new FollowUpActionPlannedEvent(new IncidentId(incident), new ActionId(action), kind, description,
                "mark", at.plus(Duration.ofDays(14)), false, "mark", at));
    }

    private static IncidentAnalysedEvent analysed(String incident, Instant at, LearningPoint... points) {
        return new IncidentAnalysedEvent(new IncidentId(incident), "Oorzaken", null, List.of(points), "pim", at);
    }
}
