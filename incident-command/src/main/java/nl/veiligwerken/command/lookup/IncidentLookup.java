package nl.veiligwerken.command.lookup;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
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

    IncidentLookup(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @EventHandler
    void on(IncidentReportedEvent event, DomainEventMessage<?> message) {
        jdbc.sql("""
                        insert into command.incident_lookup (incident_id, team_id, reported_by, version) values (?, ?, ?, ?)
                        on conflict (incident_id) do update set version = greatest(incident_lookup.version, excluded.version)""")
                .params(event.incidentId().value(), event.teamId().value(), event.reportedBy(), message.getSequenceNumber())
                .update();
    }

    @EventHandler
    void on(IncidentClosedEvent event, DomainEventMessage<?> message) {
        advance(message, true);
    }

    @EventHandler
    void on(IncidentReopenedEvent event, DomainEventMessage<?> message) {
        advance(message, false);
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

    public Optional<IncidentRef> find(IncidentId id) {
        return jdbc.sql("select incident_id, team_id, reported_by, version, closed from command.incident_lookup where incident_id = ?")
                .param(id.value())
                .query((rs, i) -> new IncidentRef(new IncidentId(rs.getString(1)), new TeamId(rs.getString(2)),
                        rs.getString(3), rs.getLong(4), rs.getBoolean(5)))
                .optional();
    }
}
