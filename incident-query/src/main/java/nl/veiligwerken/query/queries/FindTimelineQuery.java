package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.IncidentId;

import java.util.Objects;

/**
 * Every step of one incident, in the order the incident recorded them, as {@code audience} may read them.
 * Answered with a list of {@link TimelineEntry}; empty for an incident not (yet) projected.
 */
public record FindTimelineQuery(IncidentId incidentId, TimelineAudience audience) {

    public FindTimelineQuery {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(audience, "audience");
    }
}
