package nl.veiligwerken.query.timeline;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.query.queries.TimelineEntry;
import nl.veiligwerken.query.queries.TimelineEntryType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code query.timeline_entry} table. */
@Repository
class TimelineRepository {

    private final JdbcClient jdbc;

    TimelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Insert or overwrite by event identifier: the same event delivered again leaves one row. */
    void save(IncidentId incidentId, EntryBuilder builder) {
        TimelineEntry entry = builder.build();
        jdbc.sql("""
                        insert into query.timeline_entry (event_id, incident_id, sequence, type, at, actor, person,
                            assignee_role, step, due_at, outcome, codes, late, needs_more_help, action_id, text)
                        values (:eventId, :incidentId, :sequence, :type, :at, :actor, :person,
                            :assigneeRole, :step, :dueAt, :outcome, :codes, :late, :needsMoreHelp, :actionId, :text)
                        on conflict (event_id) do update set
                            incident_id = excluded.incident_id, sequence = excluded.sequence, type = excluded.type,
                            at = excluded.at, actor = excluded.actor, person = excluded.person,
                            assignee_role = excluded.assignee_role, step = excluded.step, due_at = excluded.due_at,
                            outcome = excluded.outcome, codes = excluded.codes, late = excluded.late,
                            needs_more_help = excluded.needs_more_help, action_id = excluded.action_id,
                            text = excluded.text""")
                .param("eventId", entry.eventId())
                .param("incidentId", incidentId.value())
                .param("sequence", entry.sequence())
                .param("type", entry.type().name())
                .param("at", utc(entry.at()))
                .param("actor", entry.actor(), Types.VARCHAR)
                .param("person", entry.person(), Types.VARCHAR)
                .param("assigneeRole", entry.assigneeRole() == null ? null : entry.assigneeRole().name(), Types.VARCHAR)
                .param("step", entry.step() == null ? null : entry.step().name(), Types.VARCHAR)
                .param("dueAt", utc(entry.dueAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("outcome", entry.outcome(), Types.VARCHAR)
                .param("codes", entry.codes().toArray(String[]::new))
                .param("late", entry.late(), Types.BOOLEAN)
                .param("needsMoreHelp", entry.needsMoreHelp(), Types.BOOLEAN)
                .param("actionId", builder.actionId(), Types.VARCHAR)
                .param("text", entry.text(), Types.VARCHAR)
                .update();
    }

    /** The kind of a planned follow-up action, by name. */
    Optional<String> kindOfAction(IncidentId incidentId, String actionId) {
        return jdbc.sql("""
                        select outcome from query.timeline_entry
                         where incident_id = ? and action_id = ? and type = 'ACTION_PLANNED'
                         order by sequence limit 1""")
                .params(incidentId.value(), actionId)
                .query(String.class)
                .optional();
    }

    /** Who acted, whom a step named, its notes and an aftercare talk's referrals go; the steps themselves stay. */
    void erase(IncidentId incidentId) {
        jdbc.sql("""
                        update query.timeline_entry set actor = null, person = null, text = null,
                            codes = case when type = 'AFTERCARE_TALK' then '{}' else codes end
                         where incident_id = ?""")
                .param(incidentId.value())
                .update();
    }

    /** The incidents with a step {@code username} took or that names them, oldest first. */
    List<IncidentId> incidentsNaming(String username) {
        return jdbc.sql("""
                        select incident_id from query.timeline_entry where actor = :person or person = :person
                         group by incident_id order by min(at), incident_id""")
                .param("person", username)
                .query((rs, i) -> new IncidentId(rs.getString("incident_id")))
                .list();
    }

    /** In the order the incident recorded its events. */
    List<TimelineEntry> of(IncidentId incidentId) {
        return jdbc.sql("select * from query.timeline_entry where incident_id = ? order by sequence, event_id")
                .param(incidentId.value())
                .query((rs, i) -> entry(rs))
                .list();
    }

    void deleteAll() {
        jdbc.sql("delete from query.timeline_entry").update();
    }

    private static TimelineEntry entry(ResultSet rs) throws SQLException {
        String role = rs.getString("assignee_role");
        String step = rs.getString("step");
        return new TimelineEntry(
                rs.getString("event_id"),
                rs.getLong("sequence"),
                TimelineEntryType.valueOf(rs.getString("type")),
                instant(rs, "at"),
                rs.getString("actor"),
                rs.getString("person"),
                role == null ? null : Role.valueOf(role),
                step == null ? null : ProtocolStep.valueOf(step),
                instant(rs, "due_at"),
                rs.getString("outcome"),
                Arrays.asList((String[]) rs.getArray("codes").getArray()),
                rs.getObject("late", Boolean.class),
                rs.getObject("needs_more_help", Boolean.class),
                rs.getString("text"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
