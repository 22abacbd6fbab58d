package nl.veiligwerken.query.queries;

/** How a required step of one incident stands: the columns of the compliance table. */
public enum ComplianceOutcome {
    ON_TIME, LATE, OVERDUE, OPEN
}
