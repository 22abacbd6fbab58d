package nl.veiligwerken.notifier.events;

import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.aftercare.AftercareTalkNotice;
import nl.veiligwerken.api.feedback.FeedbackGivenNotice;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.IncidentReportedNotice;
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
 * Reads {@code incident-events} (CloudEvents in Kafka binary mode) and hands every type to the rules in
 * {@link Notifications}. The type comes from the {@code ce_type} header and the de-duplication key from
 * {@code ce_id}; a record without them, whose value does not read into its type's record, or that lacks a field
 * the rules need, is thrown back to the error handler, which retries it and then dead-letters it.
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
        int created = switch (known.get()) {
            case INCIDENT_REPORTED -> {
                IncidentReportedNotice e = read(record, IncidentReportedNotice.class);
                require(record, e.incidentId(), e.teamId(), e.reportedAt(), e.severity());
                yield notifications.incidentReported(eventId, type, e);
            }
            case PEER_SUPPORTER_ASSIGNED -> {
                PeerSupporterAssignedEvent e = read(record, PeerSupporterAssignedEvent.class);
                require(record, e.incidentId(), e.teamId(), blankToNull(e.peerSupporter()));
                yield notifications.peerSupporterAssigned(eventId, type, e);
            }
            case TASK_SCHEDULED -> {
                TaskScheduledEvent e = read(record, TaskScheduledEvent.class);
                require(record, e.taskId(), e.incidentId(), e.teamId(), e.step(), e.dueAt());
                yield notifications.taskScheduled(eventId, type, e);
            }
            case TASK_COMPLETED -> {
                TaskCompletedEvent e = read(record, TaskCompletedEvent.class);
                require(record, e.taskId(), e.incidentId());
                notifications.taskCompleted(eventId, type, e);
                yield 0;
            }
            case TASK_WITHDRAWN -> {
                TaskWithdrawnEvent e = read(record, TaskWithdrawnEvent.class);
                require(record, e.taskId(), e.incidentId());
                notifications.taskWithdrawn(eventId, type, e);
                yield 0;
            }
            case TASK_OVERDUE -> {
                TaskOverdueEvent e = read(record, TaskOverdueEvent.class);
                require(record, e.taskId(), e.incidentId(), e.teamId(), e.step());
                yield notifications.taskOverdue(eventId, type, e);
            }
            case FEEDBACK_GIVEN -> {
                FeedbackGivenNotice e = read(record, FeedbackGivenNotice.class);
                require(record, e.incidentId(), blankToNull(e.reporter()));
                yield notifications.feedbackGiven(eventId, type, e);
            }
            case AFTERCARE_TALK_RECORDED -> {
                AftercareTalkNotice e = read(record, AftercareTalkNotice.class);
                require(record, e.incidentId(), blankToNull(e.colleague()), e.step(), e.heldAt(), e.outcome());
                notifications.aftercareTalkRecorded(eventId, type, e);
                yield 0;
            }
            // a type added to the contract before this service learnt its rules: remembered, nothing more
            default -> {
                notifications.recordProcessed(eventId, type);
                yield 0;
            }
        };
        log.debug("Event {} ({}) gave {} notification(s)", eventId, known.get(), created);
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

    /** The fields the rules cannot do without; an id or time missing means the record breaks the contract. */
    private static void require(ConsumerRecord<String, String> record, Object... fields) {
        for (Object field : fields) {
            if (field == null) {
                throw new UnreadableEventException("record at " + position(record) + " lacks a required field");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
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
