package nl.veiligwerken.notifier.events;

import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.notifier.notifications.Notifications;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads {@code incident-events} (CloudEvents in Kafka binary mode). The type comes from the {@code ce_type}
 * header and the de-duplication key from {@code ce_id}; a record without them, or whose value does not read
 * into its type's record, is thrown back to the error handler, which retries it and then dead-letters it.
 */
@Component
class IncidentEventListener {

    static final String GROUP = "aftercare-notifier";

    private static final Logger log = LoggerFactory.getLogger(IncidentEventListener.class);

    private final Notifications notifications;
    private final JsonMapper json;

    IncidentEventListener(Notifications notifications, JsonMapper json) {
        this.notifications = notifications;
        this.json = json;
    }

    /** Started by {@link DirectoryFirst} once the team directory has been read. */
    @KafkaListener(id = GROUP, groupId = GROUP, topics = PublishedEventType.TOPIC, autoStartup = "false")
    void on(ConsumerRecord<String, String> record) {
        String eventId = header(record, "ce_id")
                .orElseThrow(() -> new UnreadableEventException("record without ce_id at " + position(record)));
        String type = header(record, "ce_type")
                .orElseThrow(() -> new UnreadableEventException("record without ce_type at " + position(record)));
        Optional<PublishedEventType> known = PublishedEventType.fromType(type);
        if (known.isEmpty()) {
            // a newer producer may publish types this version does not know yet: not an error
            log.debug("Ignoring event {} of unknown type {}", eventId, type);
            return;
        }
        switch (known.get()) {
            case TASK_SCHEDULED -> {
                TaskScheduledEvent event = read(record, TaskScheduledEvent.class);
                requireFields(record, event);
                int created = notifications.taskScheduled(eventId, type, event);
                log.debug("Event {} (task {}) gave {} notification(s)", eventId, event.taskId(), created);
            }
            default -> notifications.recordProcessed(eventId, type);
        }
    }

    private <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        if (record.value() == null) {
            throw new UnreadableEventException("record without value at " + position(record));
        }
        try {
            return json.readValue(record.value(), type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // the id records reject blank or missing values in their constructors
            throw new UnreadableEventException("value at " + position(record) + " is no " + type.getSimpleName(), e);
        }
    }

    private static void requireFields(ConsumerRecord<String, String> record, TaskScheduledEvent e) {
        if (e.taskId() == null || e.incidentId() == null || e.teamId() == null || e.step() == null || e.dueAt() == null) {
            throw new UnreadableEventException("task-scheduled at " + position(record) + " lacks a required field");
        }
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String value = new String(header.value(), StandardCharsets.UTF_8).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
