package nl.veiligwerken.api.feedback;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Feedback for {@code reporter} on what was done with their report. {@code teamId}, the incident's team, was
 * added later in revision 1: null in events from before it was recorded (the team is the incident's, which
 * never changes, so a reader that needs it looks it up by {@code incidentId}).
 */
@Revision("1")
public record FeedbackGivenEvent(
        IncidentId incidentId,
        @PersonalData String reporter,
        @PersonalData String message,
        @PersonalData String givenBy,
        Instant givenAt,
        TeamId teamId) {

    /** Without the team: as events from before it was recorded read. */
    public FeedbackGivenEvent(IncidentId incidentId, String reporter, String message, String givenBy, Instant givenAt) {
        this(incidentId, reporter, message, givenBy, givenAt, null);
    }
}
