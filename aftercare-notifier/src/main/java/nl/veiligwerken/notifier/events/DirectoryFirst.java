package nl.veiligwerken.notifier.events;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads {@code incident-events} only once the directory has been read up to its end: on a new installation
 * (or after a long pause) the notifier would otherwise handle a task before it knows the team's leaders, and tell
 * nobody. The incident listener does not start by itself; the first time the directory's consumer is idle with
 * every assigned partition read to its end offset, this starts it.
 */
@Component
class DirectoryFirst {

    private static final Logger log = LoggerFactory.getLogger(DirectoryFirst.class);

    private final KafkaListenerEndpointRegistry registry;
    private final AtomicBoolean started = new AtomicBoolean();

    DirectoryFirst(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    /** Published on the directory consumer's own thread, so its consumer may be asked here. */
    @EventListener
    void onIdle(ListenerContainerIdleEvent event) {
        if (started.get() || !event.getListenerId().startsWith(DirectoryEventListener.GROUP)
                || !caughtUp(event.getConsumer(), event.getTopicPartitions())) {
            return;
        }
        MessageListenerContainer incidents = registry.getListenerContainer(IncidentEventListener.GROUP);
        if (incidents != null && started.compareAndSet(false, true)) {
            log.info("Team directory read up to its end; now reading {}", incidents.getListenerId());
            incidents.start();
        }
    }

    private static boolean caughtUp(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (consumer == null || partitions == null || partitions.isEmpty()) {
            return false; // not assigned yet: an empty poll says nothing
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.getOrDefault(p, 0L));
    }
}
