package nl.veiligwerken.notifier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the notifier.
 *
 * @param mailFrom the sender address of the mails
 * @param mail     how the mail outbox is drained
 * @param events   how records of {@code incident-events} are retried before they go to the dead-letter topic
 */
@ConfigurationProperties("veilig-werken.notifier")
public record NotifierProperties(
        @DefaultValue("noreply@veiligwerken.local") String mailFrom,
        @DefaultValue Mail mail,
        @DefaultValue Events events) {

    /**
     * @param interval   pause between two runs of the outbox sender
     * @param batchSize  mails sent per run at most
     * @param firstRetry wait after the first failed attempt; doubles with every further failure
     * @param maxRetry   the longest wait between two attempts: an outage never makes a mail give up
     * @param lease      how long a claimed mail is kept from other senders while this one sends it. Must be
     *                   longer than one SMTP conversation can take under the {@code mail.smtp.*timeout}
     *                   settings, or another instance may send the mail as well; it is also how late a mail
     *                   goes out when the instance that claimed it dies before sending
     */
    public record Mail(
            @DefaultValue("2s") Duration interval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("10s") Duration firstRetry,
            @DefaultValue("15m") Duration maxRetry,
            @DefaultValue("5m") Duration lease) {
    }

    /**
     * @param attempts              deliveries of an unreadable record before it goes to the dead-letter topic
     * @param retryInterval         pause between those deliveries
     * @param sourcePartitions      partitions of {@code incident-events} if this service creates it first
     *                              (the same setting as the command service's, {@code KAFKA_PARTITIONS})
     * @param deadLetterPartitions  partitions of {@code incident-events.DLT} when this service creates it
     * @param infrastructureMaxWait the longest pause between retries while the database is unavailable
     * @param concurrency           consumers of {@code incident-events} in this instance: more than the topic's
     *                              partitions would idle; each partition (and so each incident) is read by one
     */
    public record Events(
            @DefaultValue("3") int attempts,
            @DefaultValue("200ms") Duration retryInterval,
            @DefaultValue("3") int sourcePartitions,
            @DefaultValue("1") int deadLetterPartitions,
            @DefaultValue("30s") Duration infrastructureMaxWait,
            @DefaultValue("3") int concurrency) {
    }
}
