package nl.veiligwerken.notifier.events;

import nl.veiligwerken.api.directory.AccountRemoved;
import nl.veiligwerken.api.directory.AccountSaved;
import nl.veiligwerken.api.directory.DirectoryEventType;
import nl.veiligwerken.api.directory.TeamSaved;
import nl.veiligwerken.notifier.recipients.TeamDirectory;
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
    private final JsonMapper json;

    DirectoryEventListener(TeamDirectory directory, JsonMapper json) {
        this.directory = directory;
        this.json = json;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = DirectoryEventType.TOPIC)
    void on(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type")
                .orElseThrow(() -> new UnreadableEventException("record without ce_type at " + position(record)));
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
                TeamSaved team = read(record, TeamSaved.class);
                requireKey(record, DirectoryEventType.teamKey(team.teamId()));
                yield directory.apply(sequence, team);
            }
            case ACCOUNT_SAVED -> {
                AccountSaved account = read(record, AccountSaved.class);
                requireKey(record, DirectoryEventType.accountKey(account.username()));
                yield directory.apply(sequence, account);
            }
            case ACCOUNT_REMOVED -> {
                AccountRemoved removed = read(record, AccountRemoved.class);
                requireKey(record, DirectoryEventType.accountKey(removed.username()));
                yield directory.apply(sequence, removed);
            }
        };
        log.debug("Directory event {} for {} {}", sequence, record.key(), applied ? "applied" : "older than what we have");
    }

    private static long sequence(ConsumerRecord<String, String> record) {
        String value = header(record, DirectoryEventType.SEQUENCE_HEADER)
                .orElseThrow(() -> new UnreadableEventException("record without ce_sequence at " + position(record)));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UnreadableEventException("ce_sequence at " + position(record) + " is no number", e);
        }
    }

    private <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        if (record.value() == null) {
            throw new UnreadableEventException("record without value at " + position(record));
        }
        try {
            return json.readValue(record.value(), type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // the records reject missing names and blank ids in their constructors
            throw new UnreadableEventException("value at " + position(record) + " is no " + type.getSimpleName(), e);
        }
    }

    private static void requireKey(ConsumerRecord<String, String> record, String expected) {
        if (!expected.equals(record.key())) {
            throw new UnreadableEventException("record at " + position(record) + " is not about its key");
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
