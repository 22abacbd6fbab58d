package nl.veiligwerken.api.analysis;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The incident was analysed. Its measures follow as FollowUpActionPlannedEvents (kind PREVENTIVE_MEASURE). */
@Revision("1")
public record IncidentAnalysedEvent(
        IncidentId incidentId,
        @PersonalData String causes,
        @PersonalData String riskFactors,
        List<LearningPoint> learningPoints,
        @PersonalData String analysedBy,
        Instant analysedAt) {

    public IncidentAnalysedEvent {
        learningPoints = List.copyOf(learningPoints);
    }
}
