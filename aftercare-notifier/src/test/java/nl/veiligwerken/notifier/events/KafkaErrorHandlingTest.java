package nl.veiligwerken.notifier.events;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaErrorHandlingTest {

    @Test
    void anUnavailableDatabaseIsWaitedFor() {
        assertThat(KafkaErrorHandling.isInfrastructure(new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection")))).isTrue();
        assertThat(KafkaErrorHandling.isInfrastructure(new QueryTimeoutException("slow"))).isTrue();
    }

    @Test
    void unreadableRecordsAndLastingFailuresGoToTheDeadLetterTopic() {
        assertThat(KafkaErrorHandling.isInfrastructure(new ListenerExecutionFailedException("listener failed",
                new UnreadableEventException("bad json")))).isFalse();
        assertThat(KafkaErrorHandling.isInfrastructure(new DataIntegrityViolationException("constraint"))).isFalse();
        assertThat(KafkaErrorHandling.isInfrastructure(new IllegalStateException("bug"))).isFalse();
    }
}
