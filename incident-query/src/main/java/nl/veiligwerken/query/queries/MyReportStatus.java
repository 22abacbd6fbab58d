package nl.veiligwerken.query.queries;

/** Where a report stands, in the words a reporter understands. */
public enum MyReportStatus {
    /** Nothing was done with it yet beyond scheduling the steps. */
    REPORTED,
    /** Someone took a step after the report: first support, aftercare, a response, an action, feedback, ... */
    IN_PROGRESS,
    CLOSED,
    /** Closed once and opened again; stays so until it is closed again. */
    REOPENED
}
