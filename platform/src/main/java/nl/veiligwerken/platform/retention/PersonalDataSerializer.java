package nl.veiligwerken.platform.retention;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The event store's serializer, keeping the personal fields of an incident's events encrypted with the incident's
 * own key (see {@link PersonalFields}): written as {@code {"$enc":"v1:..."}} in place of the value. Reading
 * decrypts them; when the key was erased, or a value does not decrypt (changed, moved from another incident), the
 * field reads as null, or empty for a collection, so the events still load. Values written before encryption
 * read as they are; events that name no incident (the protocol agreements) and metadata pass through untouched.
 */
public final class PersonalDataSerializer implements Serializer {

    static final String ENVELOPE = "$enc";
    private static final byte[] ENVELOPE_MARK = ("\"" + ENVELOPE + "\"").getBytes(StandardCharsets.UTF_8);

    private final Serializer delegate;
    private final Supplier<IncidentKeys> keys;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ClassValue<PersonalFields> fields = new ClassValue<>() {
        @Override
        protected PersonalFields computeValue(Class<?> type) {
            return PersonalFields.of(type);
        }
    };

    /** @param keys asked only when a personal value is written or read */
    public PersonalDataSerializer(Serializer delegate, Supplier<IncidentKeys> keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    public Serializer delegate() {
        return delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalFields personal = object == null ? PersonalFields.NONE : fields.get(object.getClass());
        if (personal.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<byte[]> plain = delegate.serialize(object, byte[].class);
        JsonNode root = json.readTree(plain.getData());
        String incidentId = personal.incidentId(root);
        if (incidentId == null) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SecretKey[] key = new SecretKey[1];
        personal.change(root, true, (value, collection) -> {
            if (key[0] == null) {
                key[0] = keys.get().obtain(incidentId);
            }
            return envelope(FieldCipher.encrypt(json.writeValueAsBytes(value), key[0], incidentId));
        });
        byte[] bytes = key[0] == null ? plain.getData() : json.writeValueAsBytes(root);
        return new SimpleSerializedObject<>(getConverter().convert(bytes, byte[].class, expectedRepresentation),
                expectedRepresentation, plain.getType());
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        PersonalFields personal = fields.get(classForType(serializedObject.getType()));
        if (personal.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        byte[] bytes = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(), byte[].class);
        if (!contains(bytes, ENVELOPE_MARK)) {
            return delegate.deserialize(serializedObject); // written before encryption, or nothing personal in it
        }
        JsonNode root = json.readTree(bytes);
        String incidentId = personal.incidentId(root);
        Optional<SecretKey> key = incidentId == null ? Optional.empty() : keys.get().find(incidentId);
        personal.change(root, false, (value, collection) -> {
            if (!isEnvelope(value)) {
                return value;
            }
            return key.flatMap(k -> FieldCipher.decrypt(value.get(ENVELOPE).asString(), k, incidentId))
                    .map(json::readTree)
                    .orElseGet(() -> collection ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.nullNode());
        });
        return delegate.deserialize(new SimpleSerializedObject<>(json.writeValueAsBytes(root), byte[].class,
                serializedObject.getType()));
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private static ObjectNode envelope(String sealed) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put(ENVELOPE, sealed);
        return envelope;
    }

    static boolean isEnvelope(JsonNode value) {
        return value instanceof ObjectNode object && object.size() == 1 && object.path(ENVELOPE).isString();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
