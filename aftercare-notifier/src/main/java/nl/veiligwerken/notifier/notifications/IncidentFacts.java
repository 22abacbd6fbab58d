package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.AftercareTalkNotice;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What the notifier remembers of each incident, to decide later who hears what: when it was reported, its tasks
 * and whether they are still open, and its latest aftercare talk. Written in the caller's transaction, together
 * with the event's processed marker, so a redelivery changes nothing here either.
 */
@Component
class IncidentFacts {

    /** A task as reminders need it: whose it is, and by when. */
    record Task(String taskId, String incidentId, String teamId, ProtocolStep step, Role assigneeRole,
                String assignee, Instant scheduledAt, Instant dueAt) {
    }

    /** The latest aftercare talk of an incident. */
    record Talk(String colleague, AftercareSignal signal) {
    }

    private final JdbcClient jdbc;

    IncidentFacts(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    void reported(String incidentId, String teamId, Instant reportedAt) {
        jdbc.sql("""
                        insert into reported_incident (incident_id, team_id, reported_at) values (?, ?, ?)
                        on conflict (incident_id) do nothing""")
                .params(incidentId, teamId, at(reportedAt)).update();
    }

    Optional<Instant> reportedAt(String incidentId) {
        return jdbc.sql("select reported_at from reported_incident where incident_id = ?").param(incidentId)
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    /** A task scheduled anew (a step the amended report calls for again) is open again. */
    void scheduled(TaskScheduledEvent e) {
        jdbc.sql("""
                        insert into open_task (task_id, incident_id, team_id, step, assignee_role, assignee,
                                               scheduled_at, due_at, state, overdue)
                        values (:task, :incident, :team, :step, :role, :assignee, :scheduledAt, :dueAt, 'OPEN', false)
                        on conflict (task_id) do update set state = 'OPEN', overdue = false, closed_at = null,
                            assignee_role = excluded.assignee_role, assignee = excluded.assignee,
                            scheduled_at = excluded.scheduled_at, due_at = excluded.due_at""")
                .param("task", e.taskId().value())
                .param("incident", e.incidentId().value())
                .param("team", e.teamId().value())
                .param("step", e.step().name())
                .param("role", e.assigneeRole() == null ? null : e.assigneeRole().name())
                .param("assignee", e.assignee())
                .param("scheduledAt", at(e.scheduledAt() == null ? e.dueAt() : e.scheduledAt()))
                .param("dueAt", at(e.dueAt()))
                .update();
    }

    void completed(String taskId, Instant at) {
        close(taskId, "DONE", at);
    }

    void withdrawn(String taskId, Instant at) {
        close(taskId, "WITHDRAWN", at);
    }

    private void close(String taskId, String state, Instant at) {
        jdbc.sql("update open_task set state = ?, closed_at = ? where task_id = ?")
                .params(state, at(at), taskId).update();
    }

    void overdue(String taskId) {
        jdbc.sql("update open_task set overdue = true where task_id = ?").param(taskId).update();
    }

    Optional<Task> task(String taskId) {
        return jdbc.sql("select * from open_task where task_id = ?").param(taskId).query(IncidentFacts::task).optional();
    }

    /** Open tasks, not yet overdue, whose due time lies after {@code now} and at most {@code lead} after it. */
    List<Task> dueWithin(Instant now, Duration lead) {
        return jdbc.sql("""
                        select * from open_task
                         where state = 'OPEN' and not overdue and due_at > ? and due_at <= ?
                         order by due_at, task_id""")
                .params(at(now), at(now.plus(lead)))
                .query(IncidentFacts::task).list();
    }

    /** Whether the task is still open and not overdue: read again, locked, just before reminding. */
    boolean stillOpen(String taskId) {
        return jdbc.sql("select task_id from open_task where task_id = ? and state = 'OPEN' and not overdue for update")
                .param(taskId).query(String.class).optional().isPresent();
    }

    /** Keeps the latest talk of an incident; one recorded earlier, arriving late, does not replace it. */
    void talk(AftercareTalkNotice notice) {
        jdbc.sql("""
                        insert into aftercare_talk (incident_id, colleague, step, held_at, outcome, needs_more_help)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (incident_id) do update set colleague = excluded.colleague, step = excluded.step,
                            held_at = excluded.held_at, outcome = excluded.outcome,
                            needs_more_help = excluded.needs_more_help
                        where aftercare_talk.held_at <= excluded.held_at""")
                .params(notice.incidentId().value(), notice.colleague(), notice.step().name(),
                        at(notice.heldAt()), notice.outcome().name(), notice.needsMoreHelp())
                .update();
    }

    Optional<Talk> latestTalk(String incidentId) {
        return jdbc.sql("select colleague, outcome, needs_more_help from aftercare_talk where incident_id = ?")
                .param(incidentId)
                .query((rs, i) -> new Talk(rs.getString("colleague"), AftercareSignal.of(
                        AftercareOutcome.valueOf(rs.getString("outcome")),
                        rs.getBoolean("needs_more_help"))))
                .optional();
    }

    /** The open task of a step of the incident (a protocol step has one task per incident at a time). */
    Optional<Task> openTaskOf(String incidentId, ProtocolStep step) {
        return jdbc.sql("select * from open_task where incident_id = ? and step = ? and state = 'OPEN' order by due_at limit 1")
                .params(incidentId, step.name()).query(IncidentFacts::task).optional();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Everything remembered of the incident: its report time, its tasks (with their owners), its latest talk. */
    void forget(String incidentId) {
        jdbc.sql("delete from open_task where incident_id = ?").param(incidentId).update();
        jdbc.sql("delete from aftercare_talk where incident_id = ?").param(incidentId).update();
        jdbc.sql("delete from reported_incident where incident_id = ?").param(incidentId).update();
    }

    private static Task task(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("assignee_role");
        return new Task(rs.getString("task_id"), rs.getString("incident_id"), rs.getString("team_id"),
                ProtocolStep.valueOf(rs.getString("step")), role == null ? null : Role.valueOf(role),
                rs.getString("assignee"), rs.getObject("scheduled_at", OffsetDateTime.class).toInstant(),
                rs.getObject("due_at", OffsetDateTime.class).toInstant());
    }
}
