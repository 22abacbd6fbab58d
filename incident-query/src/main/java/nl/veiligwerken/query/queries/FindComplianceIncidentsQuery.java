package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;

/**
 * The incidents behind one number of the compliance table; {@code outcome} null: all the step's required tasks.
 * Answered with {@link ComplianceIncident}s, earliest due first.
 */
public record FindComplianceIncidentsQuery(TeamId team, Quarter quarter, ProtocolStep step, ComplianceOutcome outcome) {
}
