package nl.veiligwerken.command.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the directory's outbox reaches the Kafka topic {@code team-directory}.
 *
 * @param interval   pause between two runs while all goes well
 * @param batchSize  outbox rows sent per run at most
 * @param replicas   replication factor of the topic when this service creates it
 * @param ackTimeout how long a batch waits for the broker's acknowledgement before it is tried again
 * @param maxRetry   the longest pause between runs while the broker is away (it doubles up to this)
 */
@ConfigurationProperties("veilig-werken.directory-publishing")
public record DirectoryPublishingProperties(
        @DefaultValue("1s") Duration interval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("1") short replicas,
        @DefaultValue("10s") Duration ackTimeout,
        @DefaultValue("30s") Duration maxRetry) {
}
