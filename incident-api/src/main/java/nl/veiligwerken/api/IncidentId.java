package nl.veiligwerken.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Identifies one incident (an {@code Incident} aggregate). Serialised as a plain string, in events, on Kafka and in JSON. */
public record IncidentId(@JsonValue String value) {

    @JsonCreator
    public IncidentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("IncidentId must not be blank");
        }
    }

    public static IncidentId random() {
        return new IncidentId(java.util.UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        // Axon stores toString() as the aggregate identifier
        return value;
    }
}
