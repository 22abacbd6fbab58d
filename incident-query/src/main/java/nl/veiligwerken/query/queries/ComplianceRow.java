package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.protocol.ProtocolStep;

/**
 * One step of the agreements for one team and quarter: how often it was required (withdrawn tasks do not
 * count), done on time, done late, still overdue (its due time passed, not done), and still open (not due yet).
 */
public record ComplianceRow(ProtocolStep step, int required, int onTime, int late, int overdue, int open) {
}
