package nl.veiligwerken.notifier.events;

import nl.veiligwerken.api.directory.AccountRemoved;
import nl.veiligwerken.api.directory.AccountSaved;
import nl.veiligwerken.api.directory.DirectoryEventType;
import nl.veiligwerken.api.directory.TeamSaved;
import nl.veiligwerken.notifier.recipients.TeamDirectory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static nl.veiligwerken.notifier.events.CloudEventRecords.position;
import static nl.veiligwerken.notifier.events.CloudEventRecords.requiredHeader;

/**
 * Reads {@code team-directory} (CloudEvents in Kafka binary mode) into the notifier's copy of the directory,
 * in a consumer group of its own, from the start of the compacted topic on a new installation. Every record is
 * a key's whole state with its sequence ({@code ce_sequence}); {@link TeamDirectory} keeps the newest per key.
 * A record without type, key or sequence, whose value does not read into its type's record, or whose key is not
 * the one its value belongs under, goes to the error handler: retried, then {@code team-directory.DLT}.
 */
@Component
class DirectoryEventListener {

    static final String GROUP = "aftercare-notifier-directory";

    private static final Logger log = LoggerFactory.getLogger(DirectoryEventListener.class);

    private final TeamDirectory directory;
    private final CloudEventRecords records;

    DirectoryEventListener(TeamDirectory directory, CloudEventRecords records) {
        this.directory = directory;
        this.records = records;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = DirectoryEventType.TOPIC)
    void on(ConsumerRecord<String, String> record) {
        String type = requiredHeader(record, "ce_type");
        long sequence = sequence(record);
        if (record.key() == null) {
            throw new UnreadableEventException("record without key at " + position(record));
        }
        Optional<DirectoryEventType> known = DirectoryEventType.fromType(type);
        if (known.isEmpty()) {
            // a newer producer may publish types this version does not know yet: not an error
            log.debug("Ignoring directory event {} of unknown type {}", sequence, type);
            return;
        }
        boolean applied = switch (known.get()) {
            case TEAM_SAVED -> {
                TeamSaved team = records.value(record, TeamSaved.class);
                requireKey(record, DirectoryEventType.teamKey(team.teamId()));
                yield directory.apply(sequence, team);
            }
            case ACCOUNT_SAVED -> {
                AccountSaved account = records.value(record, AccountSaved.class);
                requireKey(record, DirectoryEventType.accountKey(account.username()));
                yield directory.apply(sequence, account);
            }
            case ACCOUNT_REMOVED -> {
                AccountRemoved removed = records.value(record, AccountRemoved.class);
                requireKey(record, DirectoryEventType.accountKey(removed.username()));
                yield directory.apply(sequence, removed);
            }
        };
        log.debug("Directory event {} for {} {}", sequence, record.key(), applied ? "applied" : "older than what we have");
    }

    private static long sequence(ConsumerRecord<String, String> record) {
        String value = requiredHeader(record, DirectoryEventType.SEQUENCE_HEADER);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UnreadableEventException("ce_sequence at " + position(record) + " is no number", e);
        }
    }

    private static void requireKey(ConsumerRecord<String, String> record, String expected) {
        if (!expected.equals(record.key())) {
            throw new UnreadableEventException("record at " + position(record) + " is not about its key");
        }
    }


}
