package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;

import java.util.List;
import java.util.Map;

/**
 * One team's quarter as the quarterly review sees it. The incidents reported in the quarter, counted by kind
 * (an incident of two kinds counts once for each), severity and setting as the report says now; how many needed
 * an aftercare talk and how many of those had one; the follow-up actions planned in the quarter and the learning
 * points of the analyses made in it. The maps hold only what occurred; the texts are for those who may read them.
 */
public record QuarterlyReview(Quarter quarter, int incidents, Map<AggressionKind, Integer> byKind,
                              Map<Severity, Integer> bySeverity, Map<Setting, Integer> bySetting,
                              int aftercareNeeded, int aftercareGiven, List<ReviewAction> actions,
                              List<ReviewLearningPoint> learningPoints) {

    public QuarterlyReview {
        byKind = Map.copyOf(byKind);
        bySeverity = Map.copyOf(bySeverity);
        bySetting = Map.copyOf(bySetting);
        actions = List.copyOf(actions);
        learningPoints = List.copyOf(learningPoints);
    }

    public static QuarterlyReview empty(Quarter quarter) {
        return new QuarterlyReview(quarter, 0, Map.of(), Map.of(), Map.of(), 0, 0, List.of(), List.of());
    }
}
