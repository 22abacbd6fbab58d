package nl.veiligwerken.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Identifies one follow-up action of an incident. Serialised as a plain string. */
public record ActionId(@JsonValue String value) {

    @JsonCreator
    public ActionId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ActionId must not be blank");
        }
    }

    public static ActionId random() {
        return new ActionId(java.util.UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
