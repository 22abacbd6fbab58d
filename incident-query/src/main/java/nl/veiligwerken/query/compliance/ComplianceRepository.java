package nl.veiligwerken.query.compliance;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.query.queries.ComplianceIncident;
import nl.veiligwerken.query.queries.ComplianceOutcome;
import nl.veiligwerken.query.queries.ComplianceRow;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.query.queries.TeamComplianceRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The {@code query.compliance_*} tables. Plain SQL; every write is an upsert or guarded, so a replay changes nothing. */
@Repository
class ComplianceRepository {

    private final JdbcClient jdbc;

    ComplianceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveIncident(IncidentId incident, TeamId team, Quarter quarter, int protocolVersion) {
        jdbc.sql("""
                        insert into query.compliance_incident (incident_id, team_id, quarter, protocol_version)
                        values (?, ?, ?, ?)
                        on conflict (incident_id) do update set team_id = excluded.team_id,
                            quarter = excluded.quarter, protocol_version = excluded.protocol_version""")
                .params(incident.value(), team.value(), quarter.toString(), protocolVersion)
                .update();
    }

    /** A required step: counted in the quarter its incident was reported in. */
    void saveTask(TaskId task, IncidentId incident, ProtocolStep step, Instant dueAt) {
        jdbc.sql("""
                        insert into query.compliance_task (task_id, incident_id, team_id, quarter, step, due_at, status)
                        select ?, incident_id, team_id, quarter, ?, ?, 'OPEN'
                          from query.compliance_incident where incident_id = ?
                        on conflict (task_id) do update set step = excluded.step, due_at = excluded.due_at,
                            status = 'OPEN', late = false, completed_at = null""")
                .params(task.value(), step.name(), utc(dueAt), incident.value())
                .update();
    }

    void complete(TaskId task, Instant completedAt, boolean late) {
        jdbc.sql("update query.compliance_task set status = 'DONE', late = ?, completed_at = ? where task_id = ?")
                .params(late, utc(completedAt), task.value())
                .update();
    }

    /** Overdue until done: a task done before this event arrives (never, in order) stays done. */
    void overdue(TaskId task) {
        jdbc.sql("update query.compliance_task set status = 'OVERDUE' where task_id = ? and status = 'OPEN'")
                .param(task.value())
                .update();
    }

    void withdraw(TaskId task) {
        jdbc.sql("update query.compliance_task set status = 'WITHDRAWN' where task_id = ? and status <> 'DONE'")
                .param(task.value())
                .update();
    }

    List<ComplianceRow> rows(TeamId team, Quarter quarter) {
        return rows(quarter, team).stream().map(TeamComplianceRow::row).toList();
    }

    /**
     * The quarter's rows of every team, or only of {@code team} when it is not null: one counting for the team's
     * figures and the organisation's alike.
     */
    List<TeamComplianceRow> rows(Quarter quarter, TeamId team) {
        // two plain conditions rather than "? is null or": each can use its index
        Object[] where = team == null ? new Object[] {quarter.toString()} : new Object[] {quarter.toString(), team.value()};
        return jdbc.sql("""
                        select team_id, step,
                               count(*) filter (where status <> 'WITHDRAWN') as required,
                               count(*) filter (where status = 'DONE' and not late) as on_time,
                               count(*) filter (where status = 'DONE' and late) as late,
                               count(*) filter (where status = 'OVERDUE') as overdue,
                               count(*) filter (where status = 'OPEN') as open
                          from query.compliance_task
                         where %s
                         group by team_id, step
                         order by team_id, step""".formatted(team == null ? "quarter = ?" : "quarter = ? and team_id = ?"))
                .params(where)
                .query((rs, i) -> new TeamComplianceRow(new TeamId(rs.getString("team_id")),
                        new ComplianceRow(ProtocolStep.valueOf(rs.getString("step")), rs.getInt("required"),
                                rs.getInt("on_time"), rs.getInt("late"), rs.getInt("overdue"), rs.getInt("open"))))
                .list();
    }

    List<ComplianceIncident> incidents(TeamId team, Quarter quarter, ProtocolStep step, ComplianceOutcome outcome) {
        return jdbc.sql("""
                        select * from (
                            select t.incident_id, t.step, i.protocol_version, t.due_at, t.completed_at,
                                   case when t.status = 'DONE' and not t.late then 'ON_TIME'
                                        when t.status = 'DONE' then 'LATE'
                                        when t.status = 'OVERDUE' then 'OVERDUE' else 'OPEN' end as outcome
                              from query.compliance_task t join query.compliance_incident i using (incident_id)
                             where t.team_id = ? and t.quarter = ? and t.step = ? and t.status <> 'WITHDRAWN') rows
                         where cast(? as varchar) is null or outcome = ?
                         order by due_at, incident_id""")
                .params(team.value(), quarter.toString(), step.name(),
                        outcome == null ? null : outcome.name(), outcome == null ? null : outcome.name())
                .query((rs, i) -> incident(rs))
                .list();
    }

    void deleteAll() {
        jdbc.sql("delete from query.compliance_task").update();
        jdbc.sql("delete from query.compliance_incident").update();
    }

    private static ComplianceIncident incident(ResultSet rs) throws SQLException {
        return new ComplianceIncident(new IncidentId(rs.getString("incident_id")),
                ProtocolStep.valueOf(rs.getString("step")), rs.getInt("protocol_version"),
                instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("completed_at")),
                ComplianceOutcome.valueOf(rs.getString("outcome")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
