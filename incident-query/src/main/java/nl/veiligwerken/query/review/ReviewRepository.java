package nl.veiligwerken.query.review;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.LearningPoint;
import nl.veiligwerken.api.analysis.Skill;
import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.query.queries.QuarterlyReview;
import nl.veiligwerken.query.queries.ReviewAction;
import nl.veiligwerken.query.queries.ReviewLearningPoint;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The {@code query.review_*} tables. Plain SQL; every write is an upsert or replaces what it writes, so a replay changes nothing. */
@Repository
class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveIncident(IncidentId incident, TeamId team, Quarter quarter, ReportContent content) {
        jdbc.sql("""
                        insert into query.review_incident (incident_id, team_id, quarter, setting, severity, kinds)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (incident_id) do update set team_id = excluded.team_id, quarter = excluded.quarter,
                            setting = excluded.setting, severity = excluded.severity, kinds = excluded.kinds""")
                .params(incident.value(), team.value(), quarter.toString(), content.setting().name(),
                        content.severity().name(), kinds(content))
                .update();
    }

    /** The report as it reads now; its team and quarter stay those of the report. */
    void amend(IncidentId incident, ReportContent content) {
        jdbc.sql("update query.review_incident set setting = ?, severity = ?, kinds = ? where incident_id = ?")
                .params(content.setting().name(), content.severity().name(), kinds(content), incident.value())
                .update();
    }

    void aftercareNeeded(IncidentId incident, boolean needed) {
        jdbc.sql("update query.review_incident set aftercare_needed = ? where incident_id = ?")
                .params(needed, incident.value())
                .update();
    }

    void aftercareGiven(IncidentId incident) {
        jdbc.sql("update query.review_incident set aftercare_given = true where incident_id = ?")
                .param(incident.value())
                .update();
    }

    /** Counted for the incident's team, in the quarter it was planned in. */
    void saveAction(ActionId action, IncidentId incident, Quarter quarter, FollowUpKind kind, String description,
                    Instant plannedAt, Instant dueAt) {
        jdbc.sql("""
                        insert into query.review_action (action_id, incident_id, team_id, quarter, kind, description,
                                                         planned_at, due_at)
                        select ?, incident_id, team_id, ?, ?, ?, ?, ? from query.review_incident where incident_id = ?
                        on conflict (action_id) do update set quarter = excluded.quarter, kind = excluded.kind,
                            description = excluded.description, planned_at = excluded.planned_at,
                            due_at = excluded.due_at""")
                .params(action.value(), quarter.toString(), kind.name(), description, utc(plannedAt), utc(dueAt),
                        incident.value())
                .update();
    }

    void completeAction(ActionId action, Instant completedAt) {
        jdbc.sql("update query.review_action set completed_at = ? where action_id = ?")
                .params(utc(completedAt), action.value())
                .update();
    }

    /** An incident is analysed once; its learning points replace any earlier rows, so a replay writes the same. */
    void saveLearningPoints(IncidentId incident, Quarter quarter, List<LearningPoint> points) {
        jdbc.sql("delete from query.review_learning_point where incident_id = ?").param(incident.value()).update();
        for (int i = 0; i < points.size(); i++) {
            LearningPoint point = points.get(i);
            jdbc.sql("""
                            insert into query.review_learning_point (incident_id, position, team_id, quarter, level, skill, text)
                            select ?, ?, team_id, ?, ?, ?, ? from query.review_incident where incident_id = ?""")
                    .params(incident.value(), i, quarter.toString(), point.level().name(),
                            point.skill() == null ? null : point.skill().name(), point.text(), incident.value())
                    .update();
        }
    }

    void erase(IncidentId incident) {
        jdbc.sql("update query.review_action set description = null where incident_id = ? and kind <> 'PREVENTIVE_MEASURE'")
                .param(incident.value())
                .update();
    }

    QuarterlyReview review(TeamId team, Quarter quarter) {
        return reviews(quarter, team).getOrDefault(team, QuarterlyReview.empty(quarter));
    }

    /**
     * The review of the quarter for every team that had something in it, or only for {@code team} when it is not
     * null: one counting for the team's review and the organisation's figures alike.
     */
    Map<TeamId, QuarterlyReview> reviews(Quarter quarter, TeamId team) {
        // two plain conditions rather than "? is null or": each can use its index
        Object[] where = team == null ? new Object[] {quarter.toString()} : new Object[] {quarter.toString(), team.value()};
        String teams = team == null ? "quarter = ?" : "quarter = ? and team_id = ?";
        Map<TeamId, Team> found = new TreeMap<>(Comparator.comparing(TeamId::value));
        Function<ResultSet, Team> teamOf = rs -> {
            try {
                return found.computeIfAbsent(new TeamId(rs.getString("team_id")), id -> new Team());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        jdbc.sql("""
                        select team_id, count(*) as incidents,
                               count(*) filter (where aftercare_needed) as needed,
                               count(*) filter (where aftercare_needed and aftercare_given) as given
                          from query.review_incident where %s group by team_id""".formatted(teams))
                .params(where)
                .query((RowCallbackHandler) rs -> {
                    Team t = teamOf.apply(rs);
                    t.incidents = rs.getInt("incidents");
                    t.aftercareNeeded = rs.getInt("needed");
                    t.aftercareGiven = rs.getInt("given");
                });
        counts(AggressionKind::valueOf, """
                select team_id, kind as value, count(*) as n
                  from query.review_incident, unnest(kinds) as kind
                 where %s group by team_id, kind""".formatted(teams), where, teamOf, t -> t.byKind);
        counts(Severity::valueOf, """
                select team_id, severity as value, count(*) as n from query.review_incident
                 where %s group by team_id, severity""".formatted(teams), where, teamOf, t -> t.bySeverity);
        counts(Setting::valueOf, """
                select team_id, setting as value, count(*) as n from query.review_incident
                 where %s group by team_id, setting""".formatted(teams), where, teamOf, t -> t.bySetting);
        jdbc.sql("""
                        select team_id, action_id, kind, description, planned_at, due_at, completed_at
                          from query.review_action where %s order by planned_at, action_id""".formatted(teams))
                .params(where)
                .query((RowCallbackHandler) rs -> teamOf.apply(rs).actions.add(new ReviewAction(rs.getString("action_id"),
                        FollowUpKind.valueOf(rs.getString("kind")), rs.getString("description"),
                        instant(rs, "planned_at"), instant(rs, "due_at"), instant(rs, "completed_at"))));
        jdbc.sql("""
                        select team_id, level, skill, text from query.review_learning_point
                         where %s order by incident_id, position""".formatted(teams))
                .params(where)
                .query((RowCallbackHandler) rs -> teamOf.apply(rs).learningPoints.add(new ReviewLearningPoint(
                        LearningLevel.valueOf(rs.getString("level")),
                        rs.getString("skill") == null ? null : Skill.valueOf(rs.getString("skill")), rs.getString("text"))));
        Map<TeamId, QuarterlyReview> reviews = new LinkedHashMap<>();
        found.forEach((id, t) -> reviews.put(id, new QuarterlyReview(quarter, t.incidents, t.byKind, t.bySeverity,
                t.bySetting, t.aftercareNeeded, t.aftercareGiven, t.actions, t.learningPoints)));
        return reviews;
    }

    /** One team's review while it is being read. */
    private static final class Team {
        int incidents;
        int aftercareNeeded;
        int aftercareGiven;
        final Map<AggressionKind, Integer> byKind = new EnumMap<>(AggressionKind.class);
        final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        final Map<Setting, Integer> bySetting = new EnumMap<>(Setting.class);
        final List<ReviewAction> actions = new ArrayList<>();
        final List<ReviewLearningPoint> learningPoints = new ArrayList<>();
    }

    void deleteAll() {
        jdbc.sql("delete from query.review_learning_point").update();
        jdbc.sql("delete from query.review_action").update();
        jdbc.sql("delete from query.review_incident").update();
    }

    private <E extends Enum<E>> void counts(Function<String, E> valueOf, String sql, Object[] params,
                                            Function<ResultSet, Team> teamOf, Function<Team, Map<E, Integer>> counts) {
        jdbc.sql(sql).params(params).query((RowCallbackHandler) rs ->
                counts.apply(teamOf.apply(rs)).put(valueOf.apply(rs.getString("value")), rs.getInt("n")));
    }

    private static String[] kinds(ReportContent content) {
        return Arrays.stream(AggressionKind.values()).filter(content.kinds()::contains).map(Enum::name)
                .toArray(String[]::new);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
