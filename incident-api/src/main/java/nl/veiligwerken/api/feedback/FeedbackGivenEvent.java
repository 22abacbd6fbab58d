package nl.veiligwerken.api.feedback;

import nl.veiligwerken.api.IncidentId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Feedback for {@code reporter} on what was done with their report. */
@Revision("1")
public record FeedbackGivenEvent(
        IncidentId incidentId,
        String reporter,
        String message,
        String givenBy,
        Instant givenAt) {
}
