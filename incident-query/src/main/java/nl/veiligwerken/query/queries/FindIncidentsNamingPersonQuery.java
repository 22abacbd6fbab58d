package nl.veiligwerken.query.queries;

import java.util.Objects;

/**
 * For an export of a person's data: the incidents with a step {@code username} took or that names them (the
 * owner of an action, the assigned peer supporter, the colleague of an aftercare talk, whom feedback was for).
 * Answered by the timeline with a list of {@code IncidentId}, oldest first. Erased incidents name nobody any more.
 */
public record FindIncidentsNamingPersonQuery(String username) {

    public FindIncidentsNamingPersonQuery {
        Objects.requireNonNull(username, "username");
    }
}
