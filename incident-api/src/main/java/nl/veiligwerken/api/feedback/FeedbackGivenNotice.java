package nl.veiligwerken.api.feedback;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;

import java.time.Instant;

/**
 * What other services learn when a reporter was given feedback (Kafka type
 * {@code nl.veiligwerken.incident.feedback-given.v1}): whom to tell that there is feedback, never the feedback.
 */
public record FeedbackGivenNotice(
        IncidentId incidentId,
        TeamId teamId,
        String reporter,
        String givenBy,
        Instant givenAt) {
}
