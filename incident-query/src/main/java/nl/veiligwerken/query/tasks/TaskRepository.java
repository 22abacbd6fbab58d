package nl.veiligwerken.query.tasks;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.tasks.TaskSummary;
import nl.veiligwerken.query.queries.TaskListEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@code query.task} table. Plain SQL, so the projection can be exercised without a Spring context. */
@Repository
class TaskRepository {

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Insert or overwrite: a replay delivers the same event again and must leave one row. */
    void saveOpen(TaskListEntry entry) {
        TaskSummary task = entry.task();
        jdbc.sql("""
                        insert into query.task (task_id, incident_id, team_id, step, assignee_role, assignee,
                            scheduled_at, due_at, status, description)
                        values (:taskId, :incidentId, :teamId, :step, :assigneeRole, :assignee,
                            :scheduledAt, :dueAt, 'OPEN',
                            (select description from query.task_action where task_id = :taskId))
                        on conflict (task_id) do update set
                            incident_id = excluded.incident_id, team_id = excluded.team_id, step = excluded.step,
                            assignee_role = excluded.assignee_role, assignee = excluded.assignee,
                            scheduled_at = excluded.scheduled_at, due_at = excluded.due_at, status = excluded.status,
                            description = excluded.description""")
                .param("taskId", task.taskId().value())
                .param("incidentId", task.incidentId().value())
                .param("teamId", task.teamId().value())
                .param("step", task.step().name())
                // a follow-up action is for a person, not a role
                .param("assigneeRole", task.assigneeRole() == null ? null : task.assigneeRole().name(), Types.VARCHAR)
                .param("assignee", entry.assignee(), Types.VARCHAR)
                .param("scheduledAt", utc(task.scheduledAt()))
                .param("dueAt", utc(task.dueAt()))
                .update();
    }

    /** One query for all the teams a leader asks about, however many. */
    List<TaskListEntry> openTasksOf(Collection<TeamId> teams) {
        return jdbc.sql("""
                        select task_id, incident_id, team_id, step, assignee_role, assignee, scheduled_at, due_at,
                               description
                          from query.task
                         where team_id = any(?) and status = 'OPEN'
                         order by due_at, task_id""")
                .param(teams.stream().map(TeamId::value).toArray(String[]::new))
                .query((rs, i) -> entry(rs))
                .list();
    }

    /**
     * What a follow-up action is about, kept by its task id for the task row to take over; and given to the row
     * at once if its task came first. A replay writes the same text again.
     */
    void describeAction(TaskId taskId, String description) {
        jdbc.sql("""
                        insert into query.task_action (task_id, description) values (:taskId, :description)
                        on conflict (task_id) do update set description = excluded.description""")
                .param("taskId", taskId.value())
                .param("description", description, Types.VARCHAR)
                .update();
        jdbc.sql("update query.task set description = :description where task_id = :taskId")
                .param("description", description, Types.VARCHAR)
                .param("taskId", taskId.value())
                .update();
    }

    /** The incident's names and texts go: an action's owner and what it was about; its tasks stay. */
    void erase(IncidentId incidentId) {
        jdbc.sql("update query.task set assignee = null, description = null where incident_id = ?")
                .param(incidentId.value())
                .update();
        // an action's task id is "<incidentId>:action-<actionId>"
        jdbc.sql("delete from query.task_action where starts_with(task_id, ?)")
                .param(incidentId.value() + ":")
                .update();
    }

    /** Never backwards: an event delivered again does not undo what later ones brought. */
    void advanceVersion(String incidentId, long version) {
        jdbc.sql("""
                        insert into query.task_incident_version (incident_id, version) values (?, ?)
                        on conflict (incident_id) do update
                            set version = greatest(task_incident_version.version, excluded.version)""")
                .params(incidentId, version)
                .update();
    }

    Optional<Long> versionOf(IncidentId incidentId) {
        return jdbc.sql("select version from query.task_incident_version where incident_id = ?")
                .param(incidentId.value())
                .query(Long.class)
                .optional();
    }

    /** The step is done; a replay marking it again changes nothing. */
    void complete(TaskId taskId, Instant completedAt, boolean late) {
        jdbc.sql("update query.task set status = 'DONE', completed_at = ?, late = ? where task_id = ?")
                .params(utc(completedAt), late, taskId.value())
                .update();
    }

    /** Only an open task can be withdrawn; a replay withdrawing it again changes nothing. */
    void withdraw(TaskId taskId) {
        jdbc.sql("update query.task set status = 'WITHDRAWN' where task_id = ? and status = 'OPEN'")
                .param(taskId.value())
                .update();
    }

    void deleteAll() {
        jdbc.sql("delete from query.task").update();
        jdbc.sql("delete from query.task_action").update();
    }

    void deleteVersions() {
        jdbc.sql("delete from query.task_incident_version").update();
    }

    private static TaskListEntry entry(ResultSet rs) throws SQLException {
        String role = rs.getString("assignee_role");
        return new TaskListEntry(new TaskSummary(
                new TaskId(rs.getString("task_id")),
                new IncidentId(rs.getString("incident_id")),
                new TeamId(rs.getString("team_id")),
                ProtocolStep.valueOf(rs.getString("step")),
                role == null ? null : Role.valueOf(role),
                instant(rs, "scheduled_at"),
                instant(rs, "due_at")),
                rs.getString("assignee"),
                rs.getString("description"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
