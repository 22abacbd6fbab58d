package nl.veiligwerken.notifier.deadletters;

import nl.veiligwerken.api.PublishedEventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The records that landed on {@code incident-events.DLT}, kept in {@code notifier.dead_letter} for the
 * administrator, and offered again to {@code incident-events} on request.
 */
@Service
public class DeadLetters {

    /** What came of a retry. */
    public enum Retry { REPUBLISHED, ALREADY_RETRIED, NOT_FOUND, KAFKA_UNAVAILABLE }

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final String SPRING_KAFKA_HEADERS = "kafka_";

    record StoredHeader(String name, String value) {
    }

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DeadLetters(DataSource dataSource, KafkaTemplate<String, String> kafka, JsonMapper json,
                PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.kafka = kafka;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * The incident's personal data was erased after the retention term: its unreadable records go too (their
     * values are events of the incident, with the names in them). Records of {@code incident-events} are keyed by
     * the incident's id.
     *
     * @return how many were removed
     */
    public int forgetIncident(String incidentId) {
        return jdbc.sql("delete from notifier.dead_letter where dlt_topic = ? and record_key = ?")
                .params(DeadLetterListener.TOPIC, incidentId)
                .update();
    }

    /** Keeps a dead-lettered record; a redelivery of the same DLT record changes nothing. */
    void store(ConsumerRecord<String, byte[]> record) {
        List<StoredHeader> original = new ArrayList<>();
        for (Header h : record.headers()) {
            // Spring Kafka's kafka_dlt-* headers describe this dead-lettering; a retry must not carry them along
            if (!h.key().startsWith(SPRING_KAFKA_HEADERS)) {
                original.add(new StoredHeader(h.key(),
                        h.value() == null ? null : Base64.getEncoder().encodeToString(h.value())));
            }
        }
        int stored = jdbc.sql("""
                        insert into notifier.dead_letter (dlt_topic, dlt_partition, dlt_offset, original_topic,
                            original_partition, original_offset, record_key, event_id, event_type, failure,
                            record_value, headers, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (dlt_topic, dlt_partition, dlt_offset) do nothing""")
                .params(record.topic(), record.partition(), record.offset(),
                        text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC).orElse(null),
                        number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION).map(Long::intValue).orElse(null),
                        number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET).orElse(null),
                        clean(record.key()),
                        shorten(text(record, "ce_id").orElse(null), 255),
                        shorten(text(record, "ce_type").orElse(null), 255),
                        shorten(failure(record), 2000),
                        record.value(),
                        json.writeValueAsString(original),
                        Timestamp.from(clock.instant()))
                .update();
        log.info("Dead letter {}-{}@{} ({}) {}", record.topic(), record.partition(), record.offset(),
                text(record, "ce_type").orElse("no type"), stored == 1 ? "stored" : "was stored before");
    }

    /** Newest first, at most {@code limit}. */
    public List<DeadLetter> list(int limit) {
        return jdbc.sql("""
                        select id, original_topic, original_partition, original_offset, record_key, event_type,
                               event_id, failure, record_value, received_at, retried_at, retried_by
                          from notifier.dead_letter order by received_at desc, id desc limit ?""")
                .param(limit).query(DeadLetters::view).list();
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql("""
                        select id, original_topic, original_partition, original_offset, record_key, event_type,
                               event_id, failure, record_value, received_at, retried_at, retried_by
                          from notifier.dead_letter where id = ?""")
                .param(id).query(DeadLetters::view).optional();
    }

    /**
     * Publishes the original value and headers to {@code incident-events} again, once: the row is marked retried
     * in the same transaction, which waits for the broker's acknowledgement and is undone if it does not come.
     * A second retry of the same row (also a concurrent one, which waits for the row lock) republishes nothing.
     */
    public Retry retry(long id, String by) {
        try {
            return transaction.execute(status -> {
                int marked = jdbc.sql("""
                                update notifier.dead_letter set retried_at = ?, retried_by = ?
                                 where id = ? and retried_at is null""")
                        .params(Timestamp.from(clock.instant()), by, id).update();
                if (marked == 0) {
                    return jdbc.sql("select count(*) from notifier.dead_letter where id = ?").param(id)
                            .query(Long.class).single() == 0 ? Retry.NOT_FOUND : Retry.ALREADY_RETRIED;
                }
                republish(id);
                return Retry.REPUBLISHED;
            });
        } catch (KafkaUnavailable e) {
            log.warn("Dead letter {} not republished: {}", id, e.getCause().toString());
            return Retry.KAFKA_UNAVAILABLE;
        }
    }

    private void republish(long id) {
        record Original(String key, byte[] value, String headers) {
        }
        Original original = jdbc.sql("select record_key, record_value, headers from notifier.dead_letter where id = ?")
                .param(id).query((rs, i) -> new Original(rs.getString(1), rs.getBytes(2), rs.getString(3))).single();
        List<Header> headers = new ArrayList<>();
        for (StoredHeader h : json.readValue(original.headers(), new TypeReference<List<StoredHeader>>() { })) {
            headers.add(new RecordHeader(h.name(), h.value() == null ? null : Base64.getDecoder().decode(h.value())));
        }
        String value = original.value() == null ? null : new String(original.value(), StandardCharsets.UTF_8);
        try {
            kafka.send(new ProducerRecord<>(PublishedEventType.TOPIC, null, original.key(), value, headers))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new KafkaUnavailable(e);
        }
        log.info("Dead letter {} republished to {}", id, PublishedEventType.TOPIC);
    }

    /** Rolls the retry's mark back. */
    private static final class KafkaUnavailable extends RuntimeException {
        KafkaUnavailable(Exception cause) {
            super(cause);
        }
    }

    private static DeadLetter view(ResultSet rs, int row) throws SQLException {
        byte[] value = rs.getBytes("record_value");
        Timestamp retried = rs.getTimestamp("retried_at");
        return new DeadLetter(rs.getLong("id"), rs.getString("original_topic"),
                (Integer) rs.getObject("original_partition"), (Long) rs.getObject("original_offset"),
                rs.getString("record_key"), rs.getString("event_type"), rs.getString("event_id"),
                rs.getString("failure"), value == null ? 0 : value.length, start(value),
                rs.getTimestamp("received_at").toInstant(), retried == null ? null : retried.toInstant(),
                rs.getString("retried_by"));
    }

    /** The first characters of the value, with control characters shown as spaces. */
    static String start(byte[] value) {
        if (value == null) {
            return null;
        }
        String text = new String(value, StandardCharsets.UTF_8);
        String shown = text.codePoints().limit(DeadLetter.SHOWN_CHARACTERS)
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() < text.length() ? shown + "\u2026" : shown;
    }

    private static String failure(ConsumerRecord<?, ?> record) {
        Optional<String> cause = text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)
                .or(() -> text(record, KafkaHeaders.DLT_EXCEPTION_FQCN))
                .map(fqcn -> fqcn.substring(fqcn.lastIndexOf('.') + 1));
        Optional<String> message = text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        if (cause.isEmpty() && message.isEmpty()) {
            return null;
        }
        return cause.orElse("") + (cause.isPresent() && message.isPresent() ? ": " : "") + message.orElse("");
    }

    private static Optional<String> text(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? Optional.empty()
                : Optional.of(clean(new String(h.value(), StandardCharsets.UTF_8)));
    }

    /** Spring Kafka writes the original partition as 4 bytes and the offset as 8. */
    private static Optional<Long> number(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        if (h == null || h.value() == null) {
            return Optional.empty();
        }
        return switch (h.value().length) {
            case 4 -> Optional.of((long) ByteBuffer.wrap(h.value()).getInt());
            case 8 -> Optional.of(ByteBuffer.wrap(h.value()).getLong());
            default -> Optional.empty();
        };
    }

    /** PostgreSQL text cannot hold NUL. */
    private static String clean(String s) {
        return s == null ? null : s.replace('\u0000', ' ');
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
