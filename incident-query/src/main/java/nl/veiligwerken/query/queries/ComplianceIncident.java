package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.protocol.ProtocolStep;

import java.time.Instant;

/** One incident's required step as the compliance table counts it; {@code completedAt} null while not done. */
public record ComplianceIncident(IncidentId incidentId, ProtocolStep step, int protocolVersion, Instant dueAt,
                                 Instant completedAt, ComplianceOutcome outcome) {
}
