package nl.veiligwerken.api.reporting;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/**
 * A staff member reports an incident. {@code reportedAt} is the moment the report reached the system (the
 * protocol's deadlines count from it); {@code occurredAt} is when it happened, which may be days earlier.
 */
public record ReportIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        TeamId teamId,
        String reportedBy,
        Instant reportedAt,
        Instant occurredAt,
        Setting setting,
        Set<AggressionKind> kinds,
        Severity severity,
        String description,
        boolean supportWanted) {

    public ReportIncidentCommand {
        kinds = Set.copyOf(kinds);
    }
}
