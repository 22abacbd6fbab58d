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
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.notifier.deadletters.DeadLetters;
import nl.veiligwerken.notifier.notifications.Notifications;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;

import static nl.veiligwerken.notifier.events.CloudEventRecords.position;
import static nl.veiligwerken.notifier.events.CloudEventRecords.requiredHeader;

/**
 * Reads {@code incident-events} (CloudEvents in Kafka binary mode) and hands every type to the rules in
 * {@link Notifications}. The type comes from the {@code ce_type} header and the de-duplication key from
 * {@code ce_id}; a record without them, whose value does not read into its type's record, or that lacks a field
 * the rules need, is thrown back to the error handler, which retries it and then dead-letters it.
 * <p>
 * A poll's records are handled together, in one transaction (one commit, and one offset commit, for up to a few
 * hundred records instead of one of each per record). When that fails, nothing of it is kept and the records are
 * handled again one by one, each in its own transaction, as before; the first that fails is named to the error
 * handler ({@link BatchListenerFailedException}), which commits the offsets of those before it, retries or
 * dead-letters that record alone, and delivers the ones after it again. Every record's effects commit together
 * with its {@code ce_id} marker, so one handled twice (in a batch that committed, then redelivered) changes
 * nothing. Records of one incident share a key, so a partition, so a consumer: their order holds.
 */
@Component
class IncidentEventListener {

    static final String GROUP = "aftercare-notifier";

    private static final Logger log = LoggerFactory.getLogger(IncidentEventListener.class);

    private final Notifications notifications;
    private final DeadLetters deadLetters;
    private final CloudEventRecords records;
    private final TransactionTemplate transaction;

    IncidentEventListener(Notifications notifications, DeadLetters deadLetters, CloudEventRecords records,
                          PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.deadLetters = deadLetters;
        this.records = records;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Started by {@link DirectoryFirst} once the team directory has been read. */
    @KafkaListener(id = GROUP, groupId = GROUP, topics = PublishedEventType.TOPIC, autoStartup = "false",
            containerFactory = "incidentEventsContainerFactory")
    void on(List<ConsumerRecord<String, String>> batch) {
        if (batch.size() > 1) {
            try {
                transaction.executeWithoutResult(status -> batch.forEach(this::handle));
                return;
            } catch (RuntimeException e) {
                // rolled back as a whole: find the record, keeping the ones before it
                log.debug("A batch of {} record(s) from {} failed; handling them one by one: {}", batch.size(),
                        position(batch.get(0)), e.toString());
            }
        }
        for (ConsumerRecord<String, String> record : batch) {
            try {
                transaction.executeWithoutResult(status -> handle(record));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("record at " + position(record) + " failed", e, record);
            }
        }
    }

    /** One record's effects, in the caller's transaction. */
    private void handle(ConsumerRecord<String, String> record) {
        String eventId = requiredHeader(record, "ce_id");
        String type = requiredHeader(record, "ce_type");
        Optional<PublishedEventType> known = PublishedEventType.fromType(type);
        if (known.isEmpty()) {
            // a newer producer may publish types this version does not know yet: not an error
            log.debug("Ignoring event {} of unknown type {}", eventId, type);
            return;
        }
        int created = switch (known.get()) {
            case INCIDENT_REPORTED -> {
                IncidentReportedNotice e = records.value(record, IncidentReportedNotice.class);
                require(record, e.incidentId(), e.teamId(), e.reportedAt(), e.severity());
                yield notifications.incidentReported(eventId, type, e);
            }
            case PEER_SUPPORTER_ASSIGNED -> {
                PeerSupporterAssignedEvent e = records.value(record, PeerSupporterAssignedEvent.class);
                require(record, e.incidentId(), e.teamId(), blankToNull(e.peerSupporter()));
                yield notifications.peerSupporterAssigned(eventId, type, e);
            }
            case TASK_SCHEDULED -> {
                TaskScheduledEvent e = records.value(record, TaskScheduledEvent.class);
                require(record, e.taskId(), e.incidentId(), e.teamId(), e.step(), e.dueAt());
                yield notifications.taskScheduled(eventId, type, e);
            }
            case TASK_COMPLETED -> {
                TaskCompletedEvent e = records.value(record, TaskCompletedEvent.class);
                require(record, e.taskId(), e.incidentId());
                notifications.taskCompleted(eventId, type, e);
                yield 0;
            }
            case TASK_WITHDRAWN -> {
                TaskWithdrawnEvent e = records.value(record, TaskWithdrawnEvent.class);
                require(record, e.taskId(), e.incidentId());
                notifications.taskWithdrawn(eventId, type, e);
                yield 0;
            }
            case TASK_OVERDUE -> {
                TaskOverdueEvent e = records.value(record, TaskOverdueEvent.class);
                require(record, e.taskId(), e.incidentId(), e.teamId(), e.step());
                yield notifications.taskOverdue(eventId, type, e);
            }
            case FEEDBACK_GIVEN -> {
                FeedbackGivenNotice e = records.value(record, FeedbackGivenNotice.class);
                require(record, e.incidentId(), blankToNull(e.reporter()));
                yield notifications.feedbackGiven(eventId, type, e);
            }
            case AFTERCARE_TALK_RECORDED -> {
                AftercareTalkNotice e = records.value(record, AftercareTalkNotice.class);
                require(record, e.incidentId(), blankToNull(e.colleague()), e.step(), e.heldAt(), e.outcome());
                notifications.aftercareTalkRecorded(eventId, type, e);
                yield 0;
            }
            case PERSONAL_DATA_ERASED -> {
                PersonalDataErasedEvent e = records.value(record, PersonalDataErasedEvent.class);
                require(record, e.incidentId());
                // first the dead letters, which have no marker: a redelivery after a crash in between finds the
                // event unprocessed and does both again
                deadLetters.forgetIncident(e.incidentId().value());
                notifications.personalDataErased(eventId, type, e);
                yield 0;
            }
            // No default: a type added to the contract does not compile here until the notifier decides what it
            // means (an erasure silently remembered and ignored would keep the incident's notifications for good).
            // A type a newer producer publishes that this build does not know is not in the enum: ignored above.
        };
        log.debug("Event {} ({}) gave {} notification(s)", eventId, known.get(), created);
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


}
