package nl.veiligwerken.api.reporting;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;

import java.time.Instant;
import java.util.Set;

/**
 * What other services learn of a new report (Kafka type {@code nl.veiligwerken.incident.reported.v1}): enough
 * to tell the right people, nothing of what happened or who the client is.
 */
public record IncidentReportedNotice(
        IncidentId incidentId,
        TeamId teamId,
        String reportedBy,
        Instant reportedAt,
        Instant occurredAt,
        Setting setting,
        Set<AggressionKind> kinds,
        Severity severity,
        boolean supportWanted) {

    public IncidentReportedNotice {
        kinds = Set.copyOf(kinds);
    }

    public static IncidentReportedNotice of(IncidentReportedEvent event) {
        return new IncidentReportedNotice(event.incidentId(), event.teamId(), event.reportedBy(),
                event.reportedAt(), event.occurredAt(), event.setting(), event.kinds(), event.severity(),
                event.supportWanted());
    }
}
