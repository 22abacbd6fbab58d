package nl.veiligwerken.api.directory;

import nl.veiligwerken.api.TeamId;

import java.util.Objects;

/**
 * A team as the directory holds it now (Kafka type {@code nl.veiligwerken.directory.team-saved.v1}, key
 * {@code team:<teamId>}): the whole picture, so the latest one per key is all a consumer needs.
 */
public record TeamSaved(TeamId teamId, String name) {

    public TeamSaved {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(name, "name");
    }
}
