package nl.veiligwerken.query.incidents;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code query.incident_view} table. */
@Repository
class IncidentRepository {

    private final JdbcClient jdbc;

    IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Insert or overwrite, so a replay of the same events gives the same row. */
    void save(IncidentDetails incident) {
        jdbc.sql("""
                        insert into query.incident_view (incident_id, team_id, reported_by, reported_at, occurred_at,
                            setting, kinds, severity, description, support_wanted, version)
                        values (:incidentId, :teamId, :reportedBy, :reportedAt, :occurredAt,
                            :setting, :kinds, :severity, :description, :supportWanted, :version)
                        on conflict (incident_id) do update set
                            team_id = excluded.team_id, reported_by = excluded.reported_by,
                            reported_at = excluded.reported_at, occurred_at = excluded.occurred_at,
                            setting = excluded.setting, kinds = excluded.kinds, severity = excluded.severity,
                            description = excluded.description, support_wanted = excluded.support_wanted,
                            version = greatest(incident_view.version, excluded.version)""")
                .param("incidentId", incident.incidentId().value())
                .param("teamId", incident.teamId().value())
                .param("reportedBy", incident.reportedBy())
                .param("reportedAt", utc(incident.reportedAt()))
                .param("occurredAt", utc(incident.occurredAt()))
                .param("setting", incident.setting().name())
                // in declaration order, so the page lists the kinds the same way every time
                .param("kinds", Arrays.stream(AggressionKind.values())
                        .filter(incident.kinds()::contains).map(Enum::name).toArray(String[]::new))
                .param("severity", incident.severity().name())
                .param("description", incident.description())
                .param("supportWanted", incident.supportWanted())
                .param("version", incident.version())
                .update();
    }

    Optional<IncidentDetails> find(IncidentId id) {
        return jdbc.sql("select * from query.incident_view where incident_id = ?")
                .param(id.value())
                .query((rs, i) -> details(rs))
                .optional();
    }

    void deleteAll() {
        jdbc.sql("delete from query.incident_view").update();
    }

    private static IncidentDetails details(ResultSet rs) throws SQLException {
        String[] kinds = (String[]) rs.getArray("kinds").getArray();
        return new IncidentDetails(
                new IncidentId(rs.getString("incident_id")),
                new TeamId(rs.getString("team_id")),
                rs.getString("reported_by"),
                instant(rs, "reported_at"),
                instant(rs, "occurred_at"),
                Setting.valueOf(rs.getString("setting")),
                Arrays.stream(kinds).map(AggressionKind::valueOf).collect(Collectors.toSet()),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("description"),
                rs.getBoolean("support_wanted"),
                rs.getLong("version"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    void advanceVersion(String incidentId, long version) {
        jdbc.sql("update query.incident_view set version = greatest(version, ?) where incident_id = ?")
                .params(version, incidentId)
                .update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
