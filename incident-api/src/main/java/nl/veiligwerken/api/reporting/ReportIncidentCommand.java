package nl.veiligwerken.api.reporting;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A staff member reports an incident, their own or, with {@code reportedFor}, one that happened to a colleague
 * (null: it happened to the reporter). {@code reportedAt} is the moment the report reached the system (the
 * protocol's deadlines count from it); the content's {@code occurredAt} is when it happened, maybe days earlier.
 */
public record ReportIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        TeamId teamId,
        String reportedBy,
        String reportedFor,
        Instant reportedAt,
        ReportContent content,
        boolean supportWanted) {
}
