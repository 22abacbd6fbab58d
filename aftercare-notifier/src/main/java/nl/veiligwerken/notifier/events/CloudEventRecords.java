package nl.veiligwerken.notifier.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reading a CloudEvent in Kafka binary mode, as both listeners do: its {@code ce_*} headers and its JSON value.
 * Whatever does not read is an {@link UnreadableEventException}, which the error handler dead-letters.
 */
@Component
class CloudEventRecords {

    private final JsonMapper json;

    CloudEventRecords(JsonMapper json) {
        this.json = json;
    }

    /** The value as {@code type}; the records reject blank or missing ids in their constructors. */
    <T> T value(ConsumerRecord<String, String> record, Class<T> type) {
        if (record.value() == null) {
            throw new UnreadableEventException("record without value at " + position(record));
        }
        try {
            return json.readValue(record.value(), type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("value at " + position(record) + " is no " + type.getSimpleName(), e);
        }
    }

    static String requiredHeader(ConsumerRecord<?, ?> record, String name) {
        return header(record, name)
                .orElseThrow(() -> new UnreadableEventException("record without " + name + " at " + position(record)));
    }

    static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String value = new String(header.value(), StandardCharsets.UTF_8).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
