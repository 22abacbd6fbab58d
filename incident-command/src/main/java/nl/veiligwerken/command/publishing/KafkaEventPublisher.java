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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
    private final PublisherRecovery recovery;

    KafkaEventPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, PublishingProperties properties,
                        IncidentLookup incidents, PublisherRecovery recovery) {
        this.kafka = kafka;
        this.json = json;
        this.properties = properties;
        this.incidents = incidents;
        this.recovery = recovery;
    }

    /** Takes the message, not its payload: history passed by is not deserialized (nor its personal data decrypted). */
    @EventHandler
    void on(EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        if (message.getMetaData().containsKey(DemoHistory.METADATA_KEY)) {
            return; // generated history for a demo: not news, nobody is to be told
        }
        PublishedMessages.of(message.getPayload(), this::teamOf).ifPresent(published -> {
            List<CompletableFuture<?>> pending = pendingSends(unitOfWork);
            ProducerRecord<String, String> record = KafkaBatches.cloudEvent(properties.topic(), published.incidentId(),
                    json.writeValueAsString(published.payload()), message.getIdentifier(), published.type().type(),
                    PublishedEventType.SOURCE, message.getTimestamp());
            try {
                KafkaBatches.failFastIfAnEarlierSendFailed(pending);
                pending.add(kafka.send(record));
            } catch (RuntimeException e) { // the batch's earlier send failed, or this one could not even start
                recovery.kafkaFailed();
                throw e;
            }
        });
    }

    /**
     * The team of an incident whose feedback or aftercare event was stored before those events recorded it: the
     * lookup row was written with the report, in the same transaction, so it is there.
     */
    private TeamId teamOf(IncidentId incident) {
        return incidents.find(incident).map(IncidentRef::teamId).orElse(null);
    }

    /** The batch's sends, awaited once before the batch (and the token) commits. */
    private List<CompletableFuture<?>> pendingSends(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            root.onPrepareCommit(uow -> {
                try {
                    KafkaBatches.awaitAcknowledgements(sends, properties.ackTimeout());
                } catch (KafkaBatches.KafkaUnavailableException e) {
                    recovery.kafkaFailed();
                    throw e;
                }
            });
            return sends;
        });
    }
}
