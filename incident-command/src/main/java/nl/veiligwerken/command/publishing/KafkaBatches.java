package nl.veiligwerken.command.publishing;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What both of this service's publishers do with Kafka: a CloudEvent in binary mode (JSON value, {@code ce_*}
 * headers), and a batch of sends that counts only once the broker acknowledged all of it. A failure is a
 * {@link KafkaUnavailableException}: the batch is tried again as a whole, so nothing is lost.
 */
public final class KafkaBatches {

    private KafkaBatches() {
    }

    /** A CloudEvents 1.0 record with a JSON value, keyed (and with {@code ce_subject}) {@code key}. */
    public static ProducerRecord<String, String> cloudEvent(String topic, String key, String json, String id,
                                                             String type, String source, Instant time) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", source);
        header(record, "ce_time", time.toString());
        header(record, "ce_subject", key);
        header(record, "content-type", "application/json");
        return record;
    }

    public static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * While the broker is away every send waits up to {@code max.block.ms} for metadata; once one send of the
     * batch has failed, the rest would fail the same way, so the batch stops here and is tried again as a whole.
     */
    public static void failFastIfAnEarlierSendFailed(List<CompletableFuture<?>> sends) {
        for (CompletableFuture<?> send : sends) {
            if (send.isCompletedExceptionally()) {
                throw new KafkaUnavailableException("an earlier send of this batch failed; the batch will be retried",
                        send.handle((sent, failure) -> failure).getNow(null));
            }
        }
    }

    /** Waits until the broker acknowledged every send of the batch, at most {@code timeout}. */
    public static void awaitAcknowledgements(List<CompletableFuture<?>> sends, Duration timeout) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the batch; it will be retried", e);
        }
    }

    /** Kafka did not take the batch; it is tried again. */
    public static class KafkaUnavailableException extends RuntimeException {
        KafkaUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
