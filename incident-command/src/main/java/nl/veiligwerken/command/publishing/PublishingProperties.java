package nl.veiligwerken.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param topic      where published events go
 * @param partitions partitions of the topic when this service creates it
 * @param replicas   replication factor when this service creates it
 * @param ackTimeout how long a batch waits for the broker's acknowledgement before it is retried
 */
@ConfigurationProperties("veilig-werken.publishing")
public record PublishingProperties(
        @DefaultValue("incident-events") String topic,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("10s") Duration ackTimeout) {
}
