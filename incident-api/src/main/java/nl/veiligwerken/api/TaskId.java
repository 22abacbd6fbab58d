package nl.veiligwerken.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Identifies one task of the protocol for one incident. Serialised as a plain string, in events, on Kafka and in JSON. */
public record TaskId(@JsonValue String value) {

    @JsonCreator
    public TaskId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("TaskId must not be blank");
        }
    }

    @Override
    public String toString() {
        // Axon stores toString() as the aggregate identifier
        return value;
    }
}
