package nl.veiligwerken.query.queries;

import java.util.Objects;

/**
 * For an export of a person's data: the incidents {@code username} reported, or that were reported on their
 * behalf, oldest first. Answered by the incident view with a list of {@code IncidentId}. Erased incidents name
 * nobody any more, so they are not found.
 */
public record FindIncidentsOfPersonQuery(String username) {

    public FindIncidentsOfPersonQuery {
        Objects.requireNonNull(username, "username");
    }
}
