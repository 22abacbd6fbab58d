package nl.veiligwerken.api.reporting;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/** An incident was reported. Holds the free-text description: it stays inside the event store and read side. */
@Revision("1")
public record IncidentReportedEvent(
        IncidentId incidentId,
        TeamId teamId,
        String reportedBy,
        Instant reportedAt,
        Instant occurredAt,
        Setting setting,
        Set<AggressionKind> kinds,
        Severity severity,
        String description,
        boolean supportWanted) {

    public IncidentReportedEvent {
        kinds = Set.copyOf(kinds);
    }
}
