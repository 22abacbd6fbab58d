package nl.veiligwerken.query.incidents;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
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
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code query.incident_view} table. */
@Repository
class IncidentRepository {

    private final JdbcClient jdbc;

    IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Insert or overwrite, so a replay of the same events gives the same row; but never with an older version
     * than the row has, so a report delivered again after its amendment does not bring back what it replaced.
     */
    void save(IncidentDetails incident) {
        content(jdbc.sql("""
                        insert into query.incident_view (incident_id, team_id, reported_by, reported_for, reported_at,
                            occurred_at, setting, kinds, severity, description, aggressor, client_reference, injuries,
                            police_involved, support_wanted, protocol_version, amendments, last_amended_at, version)
                        values (:incidentId, :teamId, :reportedBy, :reportedFor, :reportedAt,
                            :occurredAt, :setting, :kinds, :severity, :description, :aggressor, :clientReference,
                            :injuries, :policeInvolved, :supportWanted, :protocolVersion, :amendments, :lastAmendedAt,
                            :version)
                        on conflict (incident_id) do update set
                            team_id = excluded.team_id, reported_by = excluded.reported_by,
                            reported_for = excluded.reported_for, reported_at = excluded.reported_at,
                            occurred_at = excluded.occurred_at, setting = excluded.setting, kinds = excluded.kinds,
                            severity = excluded.severity, description = excluded.description,
                            aggressor = excluded.aggressor, client_reference = excluded.client_reference,
                            injuries = excluded.injuries, police_involved = excluded.police_involved,
                            support_wanted = excluded.support_wanted, protocol_version = excluded.protocol_version,
                            amendments = excluded.amendments, last_amended_at = excluded.last_amended_at,
                            version = excluded.version
                        where incident_view.version <= excluded.version"""), incident.content())
                .param("incidentId", incident.incidentId().value())
                .param("teamId", incident.teamId().value())
                .param("reportedBy", incident.reportedBy(), Types.VARCHAR)
                .param("reportedFor", incident.reportedFor(), Types.VARCHAR)
                .param("reportedAt", utc(incident.reportedAt()))
                .param("supportWanted", incident.supportWanted())
                .param("protocolVersion", incident.protocolVersion())
                .param("amendments", incident.amendments())
                .param("lastAmendedAt", utc(incident.lastAmendedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("version", incident.version())
                .update();
    }

    /**
     * The report's content is replaced. Applied once per amendment: the event's version is newer than the
     * row's only the first time it arrives, so an amendment delivered again is not counted twice.
     */
    void amend(IncidentId incidentId, ReportContent content, Instant amendedAt, long version) {
        content(jdbc.sql("""
                        update query.incident_view set
                            occurred_at = :occurredAt, setting = :setting, kinds = :kinds, severity = :severity,
                            description = :description, aggressor = :aggressor, client_reference = :clientReference,
                            injuries = :injuries, police_involved = :policeInvolved,
                            amendments = amendments + 1, last_amended_at = :amendedAt, version = :version
                         where incident_id = :incidentId and version < :version"""), content)
                .param("amendedAt", utc(amendedAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("version", version)
                .param("incidentId", incidentId.value())
                .update();
    }

    /** The names and texts go, the rest stays; a replay erasing again writes the same. */
    void erase(IncidentId incidentId, Instant erasedAt, long version) {
        jdbc.sql("""
                        update query.incident_view set
                            reported_by = null, reported_for = null, description = null, client_reference = null,
                            peer_supporter = null,
                            personal_data_erased_at = :erasedAt, version = greatest(version, :version)
                         where incident_id = :incidentId""")
                .param("erasedAt", utc(erasedAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("version", version)
                .param("incidentId", incidentId.value())
                .update();
    }

    Optional<Instant> erasedAt(IncidentId id) {
        return jdbc.sql("select personal_data_erased_at from query.incident_view where incident_id = ?")
                .param(id.value())
                .query((rs, i) -> Optional.ofNullable(instant(rs, "personal_data_erased_at")))
                .optional()
                .flatMap(erased -> erased);
    }

    /** The incidents {@code username} reported or that happened to them, for an export of their data. */
    List<IncidentId> reportedByOrFor(String username) {
        return jdbc.sql("""
                        select incident_id from query.incident_view
                         where reported_by = :person or reported_for = :person order by reported_at, incident_id""")
                .param("person", username)
                .query((rs, i) -> new IncidentId(rs.getString("incident_id")))
                .list();
    }

    void advanceVersion(String incidentId, long version) {
        jdbc.sql("update query.incident_view set version = greatest(version, ?) where incident_id = ?")
                .params(version, incidentId)
                .update();
    }

    void assignPeerSupporter(IncidentId incidentId, String peerSupporter, long version) {
        jdbc.sql("""
                        update query.incident_view set peer_supporter = :peerSupporter,
                            version = greatest(version, :version)
                         where incident_id = :incidentId""")
                .param("peerSupporter", peerSupporter)
                .param("version", version)
                .param("incidentId", incidentId.value())
                .update();
    }

    Optional<String> peerSupporter(IncidentId id) {
        return jdbc.sql("select peer_supporter from query.incident_view where incident_id = ?")
                .param(id.value())
                .query((rs, i) -> Optional.ofNullable(rs.getString("peer_supporter")))
                .optional()
                .flatMap(peerSupporter -> peerSupporter);
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

    /** The report's own fields, the same for a new report and an amendment. */
    private static JdbcClient.StatementSpec content(JdbcClient.StatementSpec statement, ReportContent content) {
        return statement
                .param("occurredAt", utc(content.occurredAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("setting", content.setting().name())
                .param("kinds", inDeclarationOrder(AggressionKind.values(), content.kinds()))
                .param("severity", content.severity().name())
                .param("description", content.description(), Types.VARCHAR)
                .param("aggressor", content.aggressor().name())
                .param("clientReference", content.clientReference(), Types.VARCHAR)
                .param("injuries", inDeclarationOrder(Injury.values(), content.injuries()))
                .param("policeInvolved", content.policeInvolved());
    }

    /** In declaration order, so the page lists them the same way every time. */
    private static <E extends Enum<E>> String[] inDeclarationOrder(E[] all, Set<E> chosen) {
        return Arrays.stream(all).filter(chosen::contains).map(Enum::name).toArray(String[]::new);
    }

    private static IncidentDetails details(ResultSet rs) throws SQLException {
        return new IncidentDetails(
                new IncidentId(rs.getString("incident_id")),
                new TeamId(rs.getString("team_id")),
                rs.getString("reported_by"),
                rs.getString("reported_for"),
                instant(rs, "reported_at"),
                instant(rs, "occurred_at"),
                Setting.valueOf(rs.getString("setting")),
                enums(rs, "kinds", AggressionKind::valueOf),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("description"),
                Aggressor.valueOf(rs.getString("aggressor")),
                rs.getString("client_reference"),
                enums(rs, "injuries", Injury::valueOf),
                rs.getBoolean("police_involved"),
                rs.getBoolean("support_wanted"),
                rs.getInt("protocol_version"),
                rs.getInt("amendments"),
                instant(rs, "last_amended_at"),
                rs.getLong("version"));
    }

    private static <E extends Enum<E>> Set<E> enums(ResultSet rs, String column, Function<String, E> valueOf)
            throws SQLException {
        String[] names = (String[]) rs.getArray(column).getArray();
        return Arrays.stream(names).map(valueOf).collect(Collectors.toSet());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
