package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.TeamId;

/** One team's {@link ComplianceRow} among the organisation's. */
public record TeamComplianceRow(TeamId team, ComplianceRow row) {
}
