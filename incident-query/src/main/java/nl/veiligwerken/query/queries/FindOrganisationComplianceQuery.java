package nl.veiligwerken.query.queries;

/**
 * How every team kept the protocol agreements in a quarter; answered with a {@link TeamComplianceRow} for each
 * team and step that had a required task, by team.
 */
public record FindOrganisationComplianceQuery(Quarter quarter) {
}
