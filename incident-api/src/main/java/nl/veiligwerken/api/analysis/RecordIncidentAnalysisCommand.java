package nl.veiligwerken.api.analysis;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/** The incident analysis: causes, risk factors, learning points, and preventive measures that become actions. */
public record RecordIncidentAnalysisCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String causes,
        String riskFactors,
        List<LearningPoint> learningPoints,
        List<PreventiveMeasure> measures,
        Actor analysedBy,
        Instant analysedAt) {

    public RecordIncidentAnalysisCommand {
        learningPoints = learningPoints == null ? List.of() : List.copyOf(learningPoints);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }
}
