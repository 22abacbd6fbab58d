package nl.veiligwerken.notifier.events;

import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.directory.DirectoryEventType;
import nl.veiligwerken.notifier.NotifierProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * What happens to a record a listener throws on. A record that cannot be read is retried a few times and then
 * published to its topic's dead-letter topic ({@code incident-events.DLT}, {@code team-directory.DLT}) with
 * Spring Kafka's exception headers, and the partition moves on.
 * A database that is away is different: every record would fail, so those are retried with growing pauses
 * until it is back, instead of emptying the topic into the dead-letter topic.
 * <p>
 * {@code incident-events} is read a poll at a time ({@link IncidentEventListener}): when a batch fails, the
 * listener names the record that failed in a {@link BatchListenerFailedException}, and the handler commits the
 * records before it, retries or dead-letters that one alone, and delivers the rest again.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandling.class);

    static final String DEAD_LETTER_TOPIC = PublishedEventType.TOPIC + ".DLT";
    static final String DIRECTORY_DEAD_LETTER_TOPIC = DirectoryEventType.TOPIC + ".DLT";

    /**
     * The command service creates the topic it publishes to; declaring it here too (same name, same
     * partitions) means the listener never subscribes to a topic that is not there yet, whichever service
     * starts first. The brokers do not auto-create topics, which would pick their own partition count.
     */
    @Bean
    NewTopic incidentEventsTopic(NotifierProperties properties) {
        return TopicBuilder.name(PublishedEventType.TOPIC).partitions(properties.events().sourcePartitions()).build();
    }

    @Bean
    NewTopic deadLetterTopic(NotifierProperties properties) {
        return TopicBuilder.name(DEAD_LETTER_TOPIC).partitions(properties.events().deadLetterPartitions()).build();
    }

    /** The same as the command service's declaration: compacted, one partition (see docs/events.md). */
    @Bean
    NewTopic teamDirectoryTopic() {
        return TopicBuilder.name(DirectoryEventType.TOPIC).partitions(1).compact().build();
    }

    @Bean
    NewTopic directoryDeadLetterTopic() {
        return TopicBuilder.name(DIRECTORY_DEAD_LETTER_TOPIC).partitions(1).build();
    }

    /**
     * The incident listener's containers: Boot's settings and this error handler, but a poll's records handed over
     * as one batch (offsets committed once the batch is done) and one consumer per partition.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> incidentEventsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer boot, ConsumerFactory<Object, Object> consumers,
            NotifierProperties properties) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        boot.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setConcurrency(properties.events().concurrency());
        return factory;
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template, NotifierProperties properties) {
        NotifierProperties.Events settings = properties.events();
        // partition -1 lets the producer choose by key, so the dead-letter topic needs no more partitions than it has
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + ".DLT", -1));
        ConsumerRecordRecoverer loggedDeadLetters = (record, exception) -> {
            // the value stays out of the log: the dead-letter topic has it for whoever looks into it
            log.error("Giving up on {}-{}@{} after {} attempt(s); publishing it to {}: {}", record.topic(),
                    record.partition(), record.offset(), settings.attempts(), record.topic() + ".DLT", rootCause(exception));
            deadLetters.accept(record, asFromOneRecord(exception));
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(loggedDeadLetters,
                new FixedBackOff(settings.retryInterval().toMillis(), Math.max(0, settings.attempts() - 1)));
        handler.setBackOffFunction((record, exception) -> isInfrastructure(exception) ? untilBack(settings) : null);
        return handler;
    }

    /**
     * A batch's failure as a record listener's would be: the listener's exception with the record's own failure
     * as its cause, so the dead-letter headers name that failure and not the batch wrapper around it.
     */
    static Exception asFromOneRecord(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof BatchListenerFailedException failed && failed.getCause() != null) {
                return exception instanceof ListenerExecutionFailedException listener
                        ? new ListenerExecutionFailedException(listener.getMessage(), listener.getGroupId(), failed.getCause())
                        : new ListenerExecutionFailedException(failed.getMessage(), failed.getCause());
            }
        }
        return exception;
    }

    private static BackOff untilBack(NotifierProperties.Events settings) {
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
        backOff.setMaxInterval(settings.infrastructureMaxWait().toMillis());
        return backOff;
    }

    private static String rootCause(Throwable exception) {
        Throwable t = exception;
        while (t.getCause() != null && !(t instanceof UnreadableEventException)) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    static boolean isInfrastructure(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof UnreadableEventException) {
                return false;
            }
            // not every DataAccessException: a constraint violation fails the same way forever
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}
