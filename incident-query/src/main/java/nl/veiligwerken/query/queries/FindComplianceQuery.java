package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.TeamId;

/** How a team kept the protocol agreements in a quarter, per step; answered with {@link ComplianceRow}s. */
public record FindComplianceQuery(TeamId team, Quarter quarter) {
}
