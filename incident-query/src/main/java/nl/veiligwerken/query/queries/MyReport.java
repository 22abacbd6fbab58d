package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Severity;

import java.time.Instant;
import java.util.List;

/**
 * One report on the reporter's "my reports": the report as it reads now, its status and the feedback given
 * (newest first).
 *
 * @param reportedFor the colleague it happened to when someone reported on their behalf; null: the reporter
 * @param kinds       in the order of the report form's list
 */
public record MyReport(IncidentId incidentId, String reportedBy, String reportedFor, Instant reportedAt,
                       Instant occurredAt, List<AggressionKind> kinds, Severity severity, MyReportStatus status,
                       List<Feedback> feedback) {

    public MyReport {
        kinds = List.copyOf(kinds);
        feedback = List.copyOf(feedback);
    }

    /** What the reporter was told, by whom (username) and when. */
    public record Feedback(String message, String givenBy, Instant givenAt) {
    }
}
