package nl.veiligwerken.platform.axon;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.List;
import java.util.OptionalLong;

/**
 * How far a streaming processor has come, as the administrator's controls show it in every service: the position
 * in the event store its slowest segment has reached (-1 before any), and whether every segment has caught up.
 */
public record ProcessorProgress(boolean caughtUp, long position) {

    public static ProcessorProgress of(StreamingEventProcessor processor) {
        List<EventTrackerStatus> segments = List.copyOf(processor.processingStatus().values());
        long position = segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min().orElse(-1);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        return new ProcessorProgress(caughtUp, position);
    }
}
