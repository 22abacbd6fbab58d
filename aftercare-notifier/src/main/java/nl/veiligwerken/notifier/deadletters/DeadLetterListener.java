package nl.veiligwerken.notifier.deadletters;

import nl.veiligwerken.api.PublishedEventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what lands on {@code incident-events.DLT} for the administrator's page. The value is read as bytes, so
 * even a record that is no text at all is kept as it came. A database that is away is retried by the same
 * error handler as the main listener, until it is back.
 */
@Component
class DeadLetterListener {

    static final String GROUP = "aftercare-notifier-dead-letters";
    static final String TOPIC = PublishedEventType.TOPIC + ".DLT";

    private final DeadLetters deadLetters;

    DeadLetterListener(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = TOPIC,
            properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
    void on(ConsumerRecord<String, byte[]> record) {
        deadLetters.store(record);
    }
}
