package nl.veiligwerken.command.lookup;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import tools.jackson.databind.json.JsonMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * Keeps {@code command.incident_lookup} in step with the event store. Its processor is subscribing: it runs
 * in the transaction that appends the events, so a page never sees an older version than the store has.
 */
@Component
@ProcessingGroup(IncidentLookup.PROCESSING_GROUP)
public class IncidentLookup {

    static final String PROCESSING_GROUP = "incident-lookup";

    private final JdbcClient jdbc;

    private final JsonMapper json;

    IncidentLookup(DataSource dataSource, JsonMapper json) {
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
    }

    @EventHandler
    void on(IncidentReportedEvent event, DomainEventMessage<?> message) {
        jdbc.sql("""
                        insert into command.incident_lookup (incident_id, team_id, reported_by, version, content)
                        values (?, ?, ?, ?, ?::jsonb)
                        on conflict (incident_id) do update set version = greatest(incident_lookup.version, excluded.version)""")
                .params(event.incidentId().value(), event.teamId().value(), event.reportedBy(), message.getSequenceNumber(),
                        json.writeValueAsString(event.content()))
                .update();
    }

    @EventHandler
    void on(ReportAmendedEvent event, DomainEventMessage<?> message) {
        jdbc.sql("update command.incident_lookup set content = ?::jsonb where incident_id = ?")
                .params(json.writeValueAsString(event.content()), event.incidentId().value())
                .update();
        advance(message, null);
    }

    @EventHandler
    void on(IncidentClosedEvent event, DomainEventMessage<?> message) {
        advance(message, true);
    }

    @EventHandler
    void on(IncidentReopenedEvent event, DomainEventMessage<?> message) {
        advance(message, false);
    }

    /** The reporter and what the report said go with the incident's key; the team and version stay. */
    @EventHandler
    void on(PersonalDataErasedEvent event, DomainEventMessage<?> message) {
        jdbc.sql("update command.incident_lookup set reported_by = null, content = null where incident_id = ?")
                .param(event.incidentId().value())
                .update();
        advance(message, null);
    }

    @EventHandler
    void onAnyLaterEvent(Object event, DomainEventMessage<?> message) {
        advance(message, null);
    }

    /** The new version, and the closed state when the event changes it (null: unchanged). */
    private void advance(DomainEventMessage<?> message, Boolean closed) {
        jdbc.sql("""
                        update command.incident_lookup set version = greatest(version, ?), closed = coalesce(?, closed)
                         where incident_id = ?""")
                .params(message.getSequenceNumber(), closed, message.getAggregateIdentifier())
                .update();
    }

    /** What the report says now, after any amendments. */
    public Optional<ReportContent> content(IncidentId id) {
        return jdbc.sql("select content::text from command.incident_lookup where incident_id = ? and content is not null")
                .param(id.value())
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, ReportContent.class));
    }

    public Optional<IncidentRef> find(IncidentId id) {
        return jdbc.sql("select incident_id, team_id, reported_by, version, closed from command.incident_lookup where incident_id = ?")
                .param(id.value())
                .query((rs, i) -> new IncidentRef(new IncidentId(rs.getString(1)), new TeamId(rs.getString(2)),
                        rs.getString(3), rs.getLong(4), rs.getBoolean(5)))
                .optional();
    }
}
