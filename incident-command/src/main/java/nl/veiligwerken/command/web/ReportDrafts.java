package nl.veiligwerken.command.web;

import nl.veiligwerken.command.incident.ReportRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reports started and not sent yet, kept for their owner only. The draft's id is the report's id, so sending
 * the finished report removes the draft and a double submit still reports once.
 */
@Component
class ReportDrafts {

    /** How long an untouched draft is kept: long enough to finish it, short enough not to hoard personal data. */
    static final Duration KEPT = Duration.ofDays(30);

    record Draft(String draftId, Instant savedAt, IncidentReport report) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ReportDrafts(DataSource dataSource, JsonMapper json, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Unfinished is fine, oversized is not: no text of a draft may be longer than the longest field of a report
     * (the description), so a megabyte is refused on its field rather than kept for 30 days. The exact limits
     * of each field apply when the report is sent.
     */
    boolean oversized(IncidentReport report, Errors errors) {
        boolean oversized = false;
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("teamId", report.teamId());
        texts.put("reportedFor", report.reportedFor());
        texts.put("description", report.description());
        texts.put("clientReference", report.clientReference());
        for (Map.Entry<String, String> text : texts.entrySet()) {
            if (text.getValue() != null && text.getValue().length() > ReportRules.DESCRIPTION_MAX
                    && !errors.hasFieldErrors(text.getKey())) {
                errors.rejectValue(text.getKey(), "incident.draft.tooLong", new Object[]{ReportRules.DESCRIPTION_MAX},
                        null);
                oversized = true;
            }
        }
        return oversized;
    }

    /** Saves the report as it is, complete or not; returns the draft's id. */
    @Transactional
    String save(String owner, IncidentReport report) {
        String id = validId(report.incidentId()).orElseGet(() -> UUID.randomUUID().toString());
        IncidentReport withId = report.withIncidentId(id);
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                        insert into command.report_draft (draft_id, owner, saved_at, report) values (?::uuid, ?, ?, ?::jsonb)
                        on conflict (draft_id) do update set saved_at = excluded.saved_at, report = excluded.report
                         where report_draft.owner = excluded.owner""")
                .params(id, owner, Timestamp.from(now), json.writeValueAsString(withId))
                .update();
        if (updated == 0) {
            // the id belongs to someone else's draft: never overwrite it, keep this one under a new id
            return save(owner, report.withIncidentId(null));
        }
        jdbc.sql("delete from command.report_draft where saved_at < ?").param(Timestamp.from(now.minus(KEPT))).update();
        return id;
    }

    List<Draft> of(String owner) {
        return jdbc.sql("select draft_id::text, saved_at, report::text from command.report_draft where owner = ? and saved_at >= ? order by saved_at desc")
                .params(owner, Timestamp.from(clock.instant().minus(KEPT)))
                .query((rs, i) -> new Draft(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        json.readValue(rs.getString(3), IncidentReport.class)))
                .list();
    }

    Optional<Draft> find(String owner, String draftId) {
        return validId(draftId).flatMap(id -> of(owner).stream().filter(d -> d.draftId().equals(id)).findFirst());
    }

    boolean delete(String owner, String draftId) {
        return validId(draftId).map(id -> jdbc.sql("delete from command.report_draft where draft_id = ?::uuid and owner = ?")
                .params(id, owner).update() > 0).orElse(false);
    }

    private static Optional<String> validId(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id).toString());
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
