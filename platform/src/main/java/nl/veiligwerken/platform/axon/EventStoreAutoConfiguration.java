package nl.veiligwerken.platform.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The event store as Axon's auto-configuration builds it, without the shared cache of recent events that its
 * streaming processors would otherwise read from ({@code optimizeEventConsumption}). That cache's producer reads
 * ahead to the end of the store whatever its readers need: after a large import, or with a processor paused or far
 * behind, it held hundreds of thousands of events and both services ran out of heap (the benchmark, with 300,000
 * events added at once: 235,000 cached events filled the command service's 384 MB; docs/performance.md). Without
 * it each processor reads its own stream from the database, in batches, which costs a query per batch and per
 * processor and keeps memory flat. Axon itself dropped the cache in version 5.
 */
@AutoConfiguration(after = JpaEventStoreAutoConfiguration.class, before = AxonAutoConfiguration.class)
@ConditionalOnClass(EmbeddedEventStore.class)
public class EventStoreAutoConfiguration {

    @Bean
    @ConditionalOnBean(EventStorageEngine.class)
    @ConditionalOnMissingBean(EventStore.class)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }
}
