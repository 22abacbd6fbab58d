package nl.veiligwerken.platform.retention;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.retention.PersonalData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the {@link PersonalData} of a record type sits in its JSON: the marked components, also inside records
 * it holds (alone or in a collection), and the component naming the incident whose key encrypts them.
 */
final class PersonalFields {

    static final PersonalFields NONE = new PersonalFields(null, List.of());

    /** What becomes of one personal value. */
    interface Change {
        /** @param collection whether the value is a collection (unreadable: empty rather than null) */
        JsonNode apply(JsonNode value, boolean collection);
    }

    private sealed interface Part permits Leaf, Nested {
    }

    private record Leaf(String name, boolean collection, String keptWhenField, String keptWhenValue) implements Part {
    }

    private record Nested(String name, boolean each, PersonalFields fields) implements Part {
    }

    private final String incidentIdField;
    private final List<Part> parts;

    private PersonalFields(String incidentIdField, List<Part> parts) {
        this.incidentIdField = incidentIdField;
        this.parts = parts;
    }

    static PersonalFields of(Class<?> type) {
        return of(type, 0);
    }

    private static PersonalFields of(Class<?> type, int depth) {
        if (type == null || !type.isRecord() || depth > 5) {
            return NONE;
        }
        String incidentId = null;
        List<Part> parts = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> componentType = component.getType();
            PersonalData personal = component.getAnnotation(PersonalData.class);
            if (componentType == IncidentId.class && incidentId == null) {
                incidentId = component.getName();
            }
            if (personal != null) {
                String[] keptWhen = personal.keptWhen().isBlank() ? new String[]{null, null}
                        : personal.keptWhen().split("=", 2);
                parts.add(new Leaf(component.getName(),
                        Collection.class.isAssignableFrom(componentType) || Map.class.isAssignableFrom(componentType)
                                || componentType.isArray(),
                        keptWhen[0], keptWhen[1]));
            } else if (componentType.isRecord()) {
                PersonalFields nested = of(componentType, depth + 1);
                if (!nested.parts.isEmpty()) {
                    parts.add(new Nested(component.getName(), false, nested));
                }
            } else if (Collection.class.isAssignableFrom(componentType)
                    && component.getGenericType() instanceof ParameterizedType generic
                    && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
                PersonalFields nested = of(element, depth + 1);
                if (!nested.parts.isEmpty()) {
                    parts.add(new Nested(component.getName(), true, nested));
                }
            }
        }
        return parts.isEmpty() ? NONE : new PersonalFields(incidentId, List.copyOf(parts));
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The incident the values belong to, or null when the record names none. */
    String incidentId(JsonNode root) {
        JsonNode id = incidentIdField == null ? null : root.get(incidentIdField);
        return id != null && id.isString() ? id.asString() : null;
    }

    /**
     * Changes every personal value present (not null) in {@code node}.
     *
     * @param honourKeptWhen whether a value kept by its {@link PersonalData#keptWhen()} is left alone (writing); on
     *                       reading, every value is looked at
     */
    void change(JsonNode node, boolean honourKeptWhen, Change change) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Part part : parts) {
            if (part instanceof Leaf leaf) {
                JsonNode value = object.get(leaf.name());
                if (value != null && !value.isNull() && !(honourKeptWhen && kept(object, leaf))) {
                    object.set(leaf.name(), change.apply(value, leaf.collection()));
                }
            } else if (part instanceof Nested nested && object.get(nested.name()) != null) {
                JsonNode value = object.get(nested.name());
                if (nested.each()) {
                    for (JsonNode element : value) {
                        nested.fields().change(element, honourKeptWhen, change);
                    }
                } else {
                    nested.fields().change(value, honourKeptWhen, change);
                }
            }
        }
    }

    private static boolean kept(ObjectNode object, Leaf leaf) {
        if (leaf.keptWhenField() == null) {
            return false;
        }
        JsonNode condition = object.get(leaf.keptWhenField());
        return condition != null && condition.isValueNode() && leaf.keptWhenValue().equals(condition.asString());
    }
}
