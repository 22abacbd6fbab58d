package nl.veiligwerken.query.queries;

import java.util.Objects;

/**
 * The incidents {@code username} reported or that were reported on their behalf, newest first. Answered with a
 * list of {@link MyReport}. The username is the signed-in person's, never taken from a request; only the export of
 * a person's data, which is the prevention officer's, asks it for the person named.
 */
public record FindMyReportsQuery(String username) {

    public FindMyReportsQuery {
        Objects.requireNonNull(username, "username");
    }
}
