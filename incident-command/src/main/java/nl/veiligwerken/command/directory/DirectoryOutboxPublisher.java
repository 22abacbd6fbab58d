package nl.veiligwerken.command.directory;

import nl.veiligwerken.api.directory.DirectoryEventType;
import nl.veiligwerken.command.publishing.KafkaBatches;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes the team directory's outbox ({@code identity.directory_outbox}, written by {@code AccountDirectory}
 * in the same transaction as each change) to the compacted Kafka topic {@code team-directory}, in id order.
 *
 * <p>One run is one database transaction: take the oldest unpublished rows {@code for update skip locked},
 * send them, wait until the broker has acknowledged every one, then mark them published and commit. If the
 * broker is away or does not acknowledge in time, the transaction rolls back and the rows wait, unchanged, for a
 * later run (with a growing pause), so an outage delays the directory and loses nothing. A crash between the
 * acknowledgement and the commit sends the rows again: publication is at least once, and harmless twice,
 * because every record carries a key's whole state and its row id as the sequence.
 *
 * <p>Two instances of this service never send the same row (the row locks), and never overtake each other
 * either: a run first takes a transaction-scoped advisory lock and leaves the work to whoever holds it.
 */
@Component
class DirectoryOutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(DirectoryOutboxPublisher.class);

    /** The advisory lock of the publishers: the two-int key space, apart from any single-key lock. */
    private static final int LOCK_CLASS = 0x56570001;
    private static final int LOCK_ID = 1;

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transaction;
    private final DirectoryPublishingProperties properties;
    /** Monotonic, not the service's clock: a test may move that one. */
    private long pausedUntilNanos = System.nanoTime();
    private Duration pause = Duration.ZERO;

    DirectoryOutboxPublisher(JdbcClient jdbc, KafkaTemplate<String, String> kafka, PlatformTransactionManager transactions,
                             DirectoryPublishingProperties properties) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
    }

    private record Row(long id, String eventKey, String eventType, String payload, Timestamp recordedAt) {
    }

    /** The scheduled run: publishes what is pending, batch after batch, unless a failure asked for a pause. */
    synchronized void run() {
        if (System.nanoTime() - pausedUntilNanos < 0) {
            return;
        }
        try {
            int published;
            do {
                published = publishBatch();
            } while (published == properties.batchSize());
            if (!pause.isZero()) {
                log.info("Publishing the team directory to {} again", DirectoryEventType.TOPIC);
            }
            pause = Duration.ZERO;
        } catch (RuntimeException e) {
            pause = pause.isZero() ? properties.interval() : min(pause.multipliedBy(2), properties.maxRetry());
            pausedUntilNanos = System.nanoTime() + pause.toNanos();
            log.warn("Could not publish the team directory to {}; trying again in {}: {}", DirectoryEventType.TOPIC,
                    pause, e.getMessage());
        }
    }

    /** Publishes at most one batch, in one transaction; returns how many rows it published. */
    int publishBatch() {
        Integer published = transaction.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(?, ?)").params(LOCK_CLASS, LOCK_ID).query(Boolean.class).single()) {
                return 0; // another instance is publishing; it keeps the order
            }
            List<Row> rows = jdbc.sql("""
                            select id, event_key, event_type, payload::text as payload, recorded_at
                              from identity.directory_outbox
                             where published_at is null
                             order by id
                             limit ?
                               for update skip locked""")
                    .param(properties.batchSize()).query(Row.class).list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (Row row : rows) {
                sends.add(kafka.send(record(row)));
                // while the broker is away every send waits for metadata first: one failure says enough
                KafkaBatches.failFastIfAnEarlierSendFailed(sends);
            }
            KafkaBatches.awaitAcknowledgements(sends, properties.ackTimeout());
            Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
            jdbc.sql("update identity.directory_outbox set published_at = now() where id = any(?)").param(ids).update();
            // a published row that a later published row of the same key replaced is no longer needed
            jdbc.sql("""
                            delete from identity.directory_outbox o
                             where o.published_at is not null
                               and exists (select 1 from identity.directory_outbox n
                                            where n.event_key = o.event_key and n.id > o.id and n.published_at is not null)
                               and o.event_key in (select event_key from identity.directory_outbox where id = any(?))""")
                    .param(ids).update();
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    private static ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = KafkaBatches.cloudEvent(DirectoryEventType.TOPIC, row.eventKey(),
                row.payload(), "team-directory-" + row.id(), row.eventType(), DirectoryEventType.SOURCE,
                row.recordedAt().toInstant());
        KafkaBatches.header(record, DirectoryEventType.SEQUENCE_HEADER, Long.toString(row.id()));
        return record;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
