package nl.veiligwerken.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.io.Serializable;
import java.util.Objects;

/**
 * Identifies a team, e.g. {@code ambulant-noord}. Serialised as a plain string, in events, on Kafka and in JSON.
 * Java-serialisable because the signed-in {@code VwUser} holds team ids and lives in the shared JDBC session.
 */
public record TeamId(@JsonValue String value) implements Serializable {

    @JsonCreator
    public TeamId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("TeamId must not be blank");
        }
    }

    @Override
    public String toString() {
        // Axon stores toString() as the aggregate identifier
        return value;
    }
}
