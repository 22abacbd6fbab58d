package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.followup.FollowUpKind;

import java.time.Instant;

/**
 * A follow-up action planned in the quarter; a preventive measure is one of kind {@code PREVENTIVE_MEASURE}.
 * {@code completedAt} null while it is open.
 */
public record ReviewAction(String actionId, FollowUpKind kind, String description, Instant plannedAt, Instant dueAt,
                           Instant completedAt) {

    public boolean completed() {
        return completedAt != null;
    }

    public boolean preventiveMeasure() {
        return kind == FollowUpKind.PREVENTIVE_MEASURE;
    }
}
