package nl.veiligwerken.command.publishing;

import nl.veiligwerken.platform.axon.ProcessorProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;


/**
 * The administrator's hold on the Kafka publisher: pausing it stops publication (events wait in the event store,
 * which is the outbox, and nothing is lost), resuming it publishes what waited, in order. For maintenance of Kafka
 * or of the consumers, and for measuring the command side alone. A restart of the service resumes it.
 */
@Component
public class PublisherControl {

    /** {@code position}: the publisher's place in the event store (-1 before the first event). */
    public record Status(String name, boolean running, boolean caughtUp, long position) {
    }

    private final EventProcessingConfiguration processing;

    PublisherControl(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public Status status() {
        StreamingEventProcessor processor = processor();
        ProcessorProgress progress = ProcessorProgress.of(processor);
        return new Status(processor.getName(), processor.isRunning(), progress.caughtUp(), progress.position());
    }

    public Status pause() {
        processor().shutDown();
        return status();
    }

    public Status resume() {
        StreamingEventProcessor processor = processor();
        if (!processor.isRunning()) {
            processor.start();
        }
        return status();
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no " + KafkaEventPublisher.PROCESSING_GROUP + " processor"));
    }
}
