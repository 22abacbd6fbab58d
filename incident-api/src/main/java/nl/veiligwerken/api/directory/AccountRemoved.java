package nl.veiligwerken.api.directory;

import java.util.Objects;

/**
 * The account is gone from the directory (Kafka type {@code nl.veiligwerken.directory.account-removed.v1}, key
 * {@code account:<username>}). A record with a value rather than a Kafka tombstone, so compaction keeps it and
 * a consumer that was away for longer than the topic keeps tombstones still learns of it.
 */
public record AccountRemoved(String username) {

    public AccountRemoved {
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
    }
}
