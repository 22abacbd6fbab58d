package nl.veiligwerken.api.analysis;

import nl.veiligwerken.api.IncidentId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The incident was analysed. Its measures follow as FollowUpActionPlannedEvents (kind PREVENTIVE_MEASURE). */
@Revision("1")
public record IncidentAnalysedEvent(
        IncidentId incidentId,
        String causes,
        String riskFactors,
        List<LearningPoint> learningPoints,
        String analysedBy,
        Instant analysedAt) {

    public IncidentAnalysedEvent {
        learningPoints = List.copyOf(learningPoints);
    }
}
