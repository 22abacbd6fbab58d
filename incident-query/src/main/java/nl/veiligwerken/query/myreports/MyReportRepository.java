package nl.veiligwerken.query.myreports;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.query.queries.MyReport;
import nl.veiligwerken.query.queries.MyReportStatus;
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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code query.my_report} and {@code query.my_report_feedback} tables. */
@Repository
class MyReportRepository {

    private final JdbcClient jdbc;

    MyReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new report; delivered again after later events, it changes nothing (the row's version is newer). */
    void save(IncidentReportedEvent event, long version) {
        content(jdbc.sql("""
                        insert into query.my_report (incident_id, reported_by, reported_for, reported_at, occurred_at,
                            kinds, severity, status, version)
                        values (:incidentId, :reportedBy, :reportedFor, :reportedAt, :occurredAt, :kinds, :severity,
                            'REPORTED', :version)
                        on conflict (incident_id) do update set
                            reported_by = excluded.reported_by, reported_for = excluded.reported_for,
                            reported_at = excluded.reported_at, occurred_at = excluded.occurred_at,
                            kinds = excluded.kinds, severity = excluded.severity, status = excluded.status,
                            version = excluded.version
                        where my_report.version <= excluded.version"""), event.content())
                .param("incidentId", event.incidentId().value())
                .param("reportedBy", event.reportedBy())
                .param("reportedFor", event.reportedFor(), Types.VARCHAR)
                .param("reportedAt", utc(event.reportedAt()))
                .param("version", version)
                .update();
    }

    void amend(IncidentId incidentId, ReportContent content, long version) {
        content(jdbc.sql("""
                        update query.my_report set occurred_at = :occurredAt, kinds = :kinds, severity = :severity,
                            version = :version
                         where incident_id = :incidentId and version < :version"""), content)
                .param("incidentId", incidentId.value())
                .param("version", version)
                .update();
    }

    /** Someone acted on the report: a report no one acted on yet is now in progress; any other status stays. */
    void stepTaken(IncidentId incidentId, long version) {
        jdbc.sql("""
                        update query.my_report
                           set status = case when status = 'REPORTED' then 'IN_PROGRESS' else status end,
                               version = :version
                         where incident_id = :incidentId and version < :version""")
                .param("incidentId", incidentId.value())
                .param("version", version)
                .update();
    }

    void status(IncidentId incidentId, MyReportStatus status, long version) {
        jdbc.sql("update query.my_report set status = :status, version = :version where incident_id = :incidentId and version < :version")
                .param("status", status.name())
                .param("version", version)
                .param("incidentId", incidentId.value())
                .update();
    }

    /** One row per feedback event: given again by a replay, it stays one. */
    void saveFeedback(String eventId, FeedbackGivenEvent event) {
        jdbc.sql("""
                        insert into query.my_report_feedback (event_id, incident_id, message, given_by, given_at)
                        values (:eventId, :incidentId, :message, :givenBy, :givenAt)
                        on conflict (event_id) do nothing""")
                .param("eventId", eventId)
                .param("incidentId", event.incidentId().value())
                .param("message", event.message(), Types.VARCHAR)
                .param("givenBy", event.givenBy(), Types.VARCHAR)
                .param("givenAt", utc(event.givenAt()))
                .update();
    }

    /** What {@code username} reported or was reported for, newest first, each with its feedback newest first. */
    List<MyReport> reportsOf(String username) {
        List<Row> rows = jdbc.sql("""
                        select * from query.my_report
                         where reported_by = :me or reported_for = :me
                         order by reported_at desc, incident_id""")
                .param("me", username)
                .query((rs, i) -> row(rs))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<MyReport.Feedback>> feedback = jdbc.sql("""
                        select f.incident_id, f.message, f.given_by, f.given_at
                          from query.my_report_feedback f
                          join query.my_report r on r.incident_id = f.incident_id
                         where r.reported_by = :me or r.reported_for = :me
                         order by f.given_at desc, f.event_id""")
                .param("me", username)
                .query((rs, i) -> Map.entry(rs.getString("incident_id"), new MyReport.Feedback(
                        rs.getString("message"), rs.getString("given_by"), instant(rs, "given_at"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(row -> row.report(feedback.getOrDefault(row.incidentId(), List.of()))).toList();
    }

    void delete(IncidentId incidentId) {
        jdbc.sql("delete from query.my_report_feedback where incident_id = ?").param(incidentId.value()).update();
        jdbc.sql("delete from query.my_report where incident_id = ?").param(incidentId.value()).update();
    }

    void deleteAll() {
        jdbc.sql("delete from query.my_report_feedback").update();
        jdbc.sql("delete from query.my_report").update();
    }

    private record Row(String incidentId, String reportedBy, String reportedFor, Instant reportedAt,
                       Instant occurredAt, List<AggressionKind> kinds, Severity severity, MyReportStatus status) {

        MyReport report(List<MyReport.Feedback> feedback) {
            return new MyReport(new IncidentId(incidentId), reportedBy, reportedFor, reportedAt, occurredAt, kinds,
                    severity, status, feedback);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("incident_id"), rs.getString("reported_by"), rs.getString("reported_for"),
                instant(rs, "reported_at"), instant(rs, "occurred_at"),
                Arrays.stream((String[]) rs.getArray("kinds").getArray()).map(AggressionKind::valueOf).toList(),
                Severity.valueOf(rs.getString("severity")), MyReportStatus.valueOf(rs.getString("status")));
    }

    private static JdbcClient.StatementSpec content(JdbcClient.StatementSpec statement, ReportContent content) {
        return statement
                .param("occurredAt", utc(content.occurredAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("kinds", inDeclarationOrder(content.kinds()))
                .param("severity", content.severity().name());
    }

    /** In the order of the report form's list, so the page shows them the same way every time. */
    private static String[] inDeclarationOrder(Set<AggressionKind> chosen) {
        return Arrays.stream(AggressionKind.values()).filter(chosen::contains).map(Enum::name).toArray(String[]::new);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
