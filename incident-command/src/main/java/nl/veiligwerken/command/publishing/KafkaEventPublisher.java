package nl.veiligwerken.command.publishing;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.command.lookup.IncidentLookup;
import nl.veiligwerken.command.lookup.IncidentRef;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import nl.veiligwerken.command.demo.DemoHistory;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the events other services need to Kafka, reading them from the event store: the event store is
 * the outbox. A batch's sends go out together and the processor's token only moves (in the same database
 * transaction) once the broker acknowledged all of them; a failure rolls the batch back and the processor
 * retries it, so a Kafka outage delays publication but loses nothing. Retrying can publish an event twice;
 * consumers de-duplicate on {@code ce_id}. Never replayed: a replay would publish history again.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
@DisallowReplay
class KafkaEventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final PublishingProperties properties;
    private final IncidentLookup incidents;

    KafkaEventPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, PublishingProperties properties,
                        IncidentLookup incidents) {
        this.kafka = kafka;
        this.json = json;
        this.properties = properties;
        this.incidents = incidents;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        if (message.getMetaData().containsKey(DemoHistory.METADATA_KEY)) {
            return; // generated history for a demo: not news, nobody is to be told
        }
        PublishedMessages.of(event, this::teamOf).ifPresent(published -> {
            List<CompletableFuture<?>> pending = pendingSends(unitOfWork);
            failFastIfAnEarlierSendFailed(pending);
            ProducerRecord<String, String> record = new ProducerRecord<>(properties.topic(), published.incidentId(),
                    json.writeValueAsString(published.payload()));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", message.getIdentifier());
            header(record, "ce_type", published.type().type());
            header(record, "ce_source", PublishedEventType.SOURCE);
            header(record, "ce_time", message.getTimestamp().toString());
            header(record, "ce_subject", published.incidentId());
            header(record, "content-type", "application/json");
            pending.add(kafka.send(record));
        });
    }

    /**
     * The team of an incident whose feedback or aftercare event was stored before those events recorded it: the
     * lookup row was written with the report, in the same transaction, so it is there.
     */
    private TeamId teamOf(IncidentId incident) {
        return incidents.find(incident).map(IncidentRef::teamId).orElse(null);
    }

    /**
     * While the broker is away every send waits up to {@code max.block.ms} for metadata; once one send of the
     * batch has failed, the rest would fail the same way, so the batch stops here and is retried as a whole.
     */
    private static void failFastIfAnEarlierSendFailed(List<CompletableFuture<?>> pending) {
        for (CompletableFuture<?> send : pending) {
            if (send.isCompletedExceptionally()) {
                throw new KafkaUnavailableException("an earlier send of this batch failed; the batch will be retried",
                        send.handle((sent, failure) -> failure).getNow(null));
            }
        }
    }

    /** The batch's sends, awaited once before the batch (and the token) commits. */
    private List<CompletableFuture<?>> pendingSends(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            root.onPrepareCommit(uow -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the batch; it will be retried", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static class KafkaUnavailableException extends RuntimeException {
        KafkaUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
