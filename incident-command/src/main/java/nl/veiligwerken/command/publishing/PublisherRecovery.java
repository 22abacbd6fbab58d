package nl.veiligwerken.command.publishing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets the publisher going as soon as Kafka is back. After each failed batch Axon's tracking processor waits
 * twice as long before it tries again, up to a minute, and nothing tells it the broker has returned: after an
 * outage of a few minutes it sat out most of a minute with the broker up and a backlog waiting (the Kafka fault
 * test measured the drain at 94 s for a two-minute outage, 45 s of it that wait). So a batch Kafka did not take
 * is noted, the broker is asked every few seconds whether it answers again, and once it does the processor is
 * restarted, which begins its retries afresh: at once.
 */
@Component
class PublisherRecovery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PublisherRecovery.class);

    // looked up when needed: Axon's processing module is built from the event handlers, this publisher among them
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final KafkaAdmin kafkaAdmin;
    private final AtomicBoolean kafkaFailed = new AtomicBoolean();
    private Admin admin;

    PublisherRecovery(ObjectProvider<EventProcessingConfiguration> processing, KafkaAdmin kafkaAdmin) {
        this.processing = processing;
        this.kafkaAdmin = kafkaAdmin;
    }

    /** A batch failed because Kafka did not take it. */
    void kafkaFailed() {
        kafkaFailed.set(true);
    }

    @Scheduled(fixedDelayString = "${veilig-werken.publishing.recovery-check:2s}")
    void restartOnceKafkaAnswers() {
        if (!kafkaFailed.get() || !kafkaAnswers()) {
            return;
        }
        kafkaFailed.set(false);
        processing.getObject().eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, EventProcessor.class).ifPresent(processor -> {
            log.info("Kafka answers again: restarting the publisher, so it does not wait out its retry back-off");
            processor.shutDown();
            processor.start();
        });
    }

    private boolean kafkaAnswers() {
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
