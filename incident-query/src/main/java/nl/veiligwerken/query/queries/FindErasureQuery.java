package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.IncidentId;

import java.util.Objects;

/**
 * When the personal data of an incident was erased after the retention term. Answered with an {@code Instant},
 * or null while the incident's personal data is kept (and for an unknown incident).
 */
public record FindErasureQuery(IncidentId incidentId) {

    public FindErasureQuery {
        Objects.requireNonNull(incidentId, "incidentId");
    }
}
