package nl.veiligwerken.query.admin;

import nl.veiligwerken.platform.axon.ProcessorProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The views of this service, each a processing group with its own tokens: how far each has come, and a
 * rebuild from the event store (its tables emptied by its reset handler, then every event again).
 */
@Component
public class Projections {

    /**
     * One view: {@code rebuilding} while it replays events it had processed before the reset; {@code caughtUp}
     * once every segment has reached the end of the event store; {@code position} the lowest segment's place in
     * the store (-1 before the first event).
     */
    public record Status(String name, boolean running, boolean rebuilding, boolean caughtUp, long position) {
    }

    private final EventProcessingConfiguration processing;

    Projections(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public List<Status> all() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(Projections::status)
                .sorted(Comparator.comparing(Status::name))
                .toList();
    }

    public Optional<Status> find(String name) {
        return processor(name).map(Projections::status);
    }

    /**
     * Empties the view and replays the whole event store into it. The view keeps answering meanwhile, with
     * what it has rebuilt so far. False for a name that is no view of this service.
     */
    public boolean rebuild(String name) {
        Optional<StreamingEventProcessor> found = processor(name);
        found.ifPresent(processor -> {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        });
        return found.isPresent();
    }

    /**
     * Stops the view's processor: it keeps its place in the event store and its tables answer as they are,
     * falling behind until {@link #resume}. Meant for maintenance (a database under strain, a view to hold still
     * while it is inspected) and for measuring the command side alone; a restart of the service resumes it too.
     * False for a name that is no view of this service.
     */
    public boolean pause(String name) {
        Optional<StreamingEventProcessor> found = processor(name);
        found.ifPresent(StreamingEventProcessor::shutDown);
        return found.isPresent();
    }

    /** Starts a paused view's processor again from where it stopped; a running one is left alone. */
    public boolean resume(String name) {
        Optional<StreamingEventProcessor> found = processor(name);
        found.filter(processor -> !processor.isRunning()).ifPresent(StreamingEventProcessor::start);
        return found.isPresent();
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, EventProcessor.class)
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast);
    }

    private static Status status(StreamingEventProcessor processor) {
        ProcessorProgress progress = ProcessorProgress.of(processor);
        return new Status(processor.getName(), processor.isRunning(), processor.isReplaying(), progress.caughtUp(),
                progress.position());
    }
}
