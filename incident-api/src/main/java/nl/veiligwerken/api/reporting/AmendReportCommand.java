package nl.veiligwerken.api.reporting;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * The reporter (or a leader of the team) corrects or completes a report. The earlier content stays in the
 * incident's history; {@code reason} says what changed and why.
 */
public record AmendReportCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        ReportContent content,
        String reason,
        Actor amendedBy,
        Instant amendedAt) {
}
