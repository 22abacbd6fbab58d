package nl.veiligwerken.command.directory;

import nl.veiligwerken.api.directory.DirectoryEventType;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Drains the directory's outbox on a fixed delay (a slow run never overlaps the next) and declares its topic. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DirectoryPublishingConfiguration implements SchedulingConfigurer {

    private final DirectoryOutboxPublisher publisher;
    private final DirectoryPublishingProperties properties;

    DirectoryPublishingConfiguration(DirectoryOutboxPublisher publisher, DirectoryPublishingProperties properties) {
        this.publisher = publisher;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(publisher::run, properties.interval());
    }

    /**
     * Compacted: Kafka keeps at least the latest record of every key (a team, an account) for good, so the topic
     * is the whole directory and a new consumer rebuilds it by reading from the start. One partition: the
     * directory is small, and one order for all of it is the easiest to reason about.
     */
    @Bean
    NewTopic teamDirectoryTopic() {
        return TopicBuilder.name(DirectoryEventType.TOPIC).partitions(1).replicas(properties.replicas()).compact().build();
    }
}
