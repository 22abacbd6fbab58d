package nl.veiligwerken.query.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.Skill;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.audit.AuditLog;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.query.queries.QuarterlyReview;
import nl.veiligwerken.query.queries.ReviewAction;
import nl.veiligwerken.query.queries.ReviewLearningPoint;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The quarterly team review as the page, its JSON twin and the exports show it: the quarter asked for and the
 * three before it (the trend), every category with its zero so quarters line up, and the texts of the learning
 * points and measures only for those who may read them: management sees counts, never texts that may name people.
 */
@Component
class QuarterlyReviews {

    static final int TREND = 4;

    enum MeasureStatus { DONE, OVERDUE, OPEN }

    record Figures(String quarter, int incidents, Map<AggressionKind, Integer> byKind, Map<Severity, Integer> bySeverity,
                   Map<Setting, Integer> bySetting, Aftercare aftercare, Counts actions, Counts measures,
                   Map<LearningLevel, Integer> learningPointsByLevel, Map<Skill, Integer> learningPointsBySkill) {
    }

    /** {@code percentage} of the colleagues who needed an aftercare talk and had one; null when none needed it. */
    record Aftercare(int needed, int given, Integer percentage) {
    }

    record Counts(int planned, int open, int completed) {
    }

    record SkillCount(Skill skill, int learningPoints) {
    }

    record LearningPointText(LearningLevel level, Skill skill, String text) {
    }

    record Measure(String description, Instant dueAt, Instant completedAt, MeasureStatus status) {
    }

    /**
     * {@code quarters} oldest first, the quarter asked for last; {@code trainingNeeds} the skills its learning
     * points point to, most first; {@code learningPoints} and {@code measures} absent for those who see counts only.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Report(String team, String teamName, String quarter, List<Figures> quarters, List<SkillCount> trainingNeeds,
                  boolean textsShown, List<LearningPointText> learningPoints, List<Measure> measures) {

        Figures current() {
            return quarters.get(quarters.size() - 1);
        }
    }

    private final ReadModel readModel;
    private final DirectoryNames names;
    private final Clock clock;

    QuarterlyReviews(ReadModel readModel, DirectoryNames names, Clock clock) {
        this.readModel = readModel;
        this.names = names;
        this.clock = clock;
    }

    /** Access is the caller's to check first ({@link ReadAccess#requireMaySeeCompliance}). */
    Report report(TeamId team, Quarter quarter, VwUser user) {
        // the review's page, JSON and files are audited: what they read is this team's quarter
        AuditLog.subject("team=" + team.value() + " quarter=" + quarter);
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = quarter; quarters.size() < TREND; q = q.previous()) {
            quarters.add(0, q);
        }
        List<QuarterlyReview> reviews = quarters.stream().map(q -> readModel.quarterlyReview(team, q)).toList();
        QuarterlyReview current = reviews.get(reviews.size() - 1);
        List<SkillCount> trainingNeeds = counts(Skill.class, current.learningPoints(), ReviewLearningPoint::skill)
                .entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<Skill, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new SkillCount(e.getKey(), e.getValue())).toList();
        // the same rule as the incidents behind the compliance figures: the team's leaders and the prevention officer
        boolean texts = ReadAccess.mayDrillDown(user, team);
        Instant now = clock.instant();
        return new Report(team.value(), names.team(team), quarter.toString(),
                reviews.stream().map(QuarterlyReviews::figures).toList(), trainingNeeds, texts,
                texts ? current.learningPoints().stream()
                        .sorted(Comparator.comparing(ReviewLearningPoint::level))
                        .map(p -> new LearningPointText(p.level(), p.skill(), Objects.requireNonNullElse(p.text(), ""))).toList() : null,
                texts ? current.actions().stream().filter(ReviewAction::preventiveMeasure)
                        .map(a -> new Measure(Objects.requireNonNullElse(a.description(), ""), a.dueAt(),
                                a.completedAt(), status(a, now))).toList() : null);
    }

    /** A quarter's figures as the review counts them: the team's review, or the organisation's (see {@link #together}). */
    static Figures figures(QuarterlyReview review) {
        List<ReviewAction> measures = review.actions().stream().filter(ReviewAction::preventiveMeasure).toList();
        return new Figures(review.quarter().toString(), review.incidents(),
                all(AggressionKind.class, review.byKind()), all(Severity.class, review.bySeverity()),
                all(Setting.class, review.bySetting()),
                new Aftercare(review.aftercareNeeded(), review.aftercareGiven(),
                        review.aftercareNeeded() == 0 ? null
                                : Math.round(100f * review.aftercareGiven() / review.aftercareNeeded())),
                counts(review.actions()), counts(measures),
                counts(LearningLevel.class, review.learningPoints(), ReviewLearningPoint::level),
                counts(Skill.class, review.learningPoints(), ReviewLearningPoint::skill));
    }

    /** Several teams' quarter as one: what the organisation's figures are counted from. */
    static QuarterlyReview together(Quarter quarter, List<QuarterlyReview> reviews) {
        Map<AggressionKind, Integer> byKind = new EnumMap<>(AggressionKind.class);
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Map<Setting, Integer> bySetting = new EnumMap<>(Setting.class);
        List<ReviewAction> actions = new ArrayList<>();
        List<ReviewLearningPoint> learningPoints = new ArrayList<>();
        int incidents = 0;
        int needed = 0;
        int given = 0;
        for (QuarterlyReview review : reviews) {
            incidents += review.incidents();
            review.byKind().forEach((k, n) -> byKind.merge(k, n, Integer::sum));
            review.bySeverity().forEach((k, n) -> bySeverity.merge(k, n, Integer::sum));
            review.bySetting().forEach((k, n) -> bySetting.merge(k, n, Integer::sum));
            needed += review.aftercareNeeded();
            given += review.aftercareGiven();
            actions.addAll(review.actions());
            learningPoints.addAll(review.learningPoints());
        }
        return new QuarterlyReview(quarter, incidents, byKind, bySeverity, bySetting, needed, given, actions, learningPoints);
    }

    private static Counts counts(List<ReviewAction> actions) {
        int completed = (int) actions.stream().filter(ReviewAction::completed).count();
        return new Counts(actions.size(), actions.size() - completed, completed);
    }

    private static MeasureStatus status(ReviewAction action, Instant now) {
        if (action.completed()) {
            return MeasureStatus.DONE;
        }
        return action.dueAt() != null && action.dueAt().isBefore(now) ? MeasureStatus.OVERDUE : MeasureStatus.OPEN;
    }

    /** Every value of the enum, in declaration order, zero where the quarter had none. */
    private static <E extends Enum<E>> Map<E, Integer> all(Class<E> type, Map<E, Integer> found) {
        Map<E, Integer> all = new EnumMap<>(type);
        Arrays.stream(type.getEnumConstants()).forEach(e -> all.put(e, found.getOrDefault(e, 0)));
        return all;
    }

    private static <E extends Enum<E>> Map<E, Integer> counts(Class<E> type, List<ReviewLearningPoint> points,
                                                              Function<ReviewLearningPoint, E> by) {
        Map<E, Integer> found = points.stream().map(by).filter(Predicate.not(java.util.Objects::isNull))
                .collect(Collectors.toMap(Function.identity(), e -> 1, Integer::sum));
        return all(type, found);
    }
}
