package nl.veiligwerken.localrun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka stopped for minutes under load: the command service keeps taking reports (the event store is its
 * outbox), and once the broker is back on the same data and port, every report reaches the read model and
 * its team leaders exactly once, the backlog drained within half the outage.
 * Not part of {@code ./mvnw verify}: run with {@code ./fault-tests}.
 */
@ExtendWith(FaultSystem.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class KafkaOutageFaultIT {

    @Test
    void reportsAreTakenWhileKafkaIsDownAndEachIsToldOnceWhenItIsBack() throws Exception {
        LocalSystem system = FaultSystem.system();
        Duration outage = FaultSystem.kafkaOutage();
        Ledger ledger = new Ledger(system);

        ReportLoad load = ReportLoad.start(system, "kafka-outage");
        Thread.sleep(10_000);
        Instant down = Instant.now();
        system.stopKafka();
        Thread.sleep(outage.toMillis());
        system.startKafka();
        Instant back = Instant.now();
        load.close();

        Instant drained = ledger.awaitComplete(load, Duration.ofMinutes(5));
        Duration drainTime = Duration.between(back, drained);
        long answeredWhileDown = load.answered().stream()
                .filter(r -> r.answered.isAfter(down) && r.answered.isBefore(back)).count();
        System.out.printf("%nFault test, Kafka stopped for %s s under load: %d requests, %d answered 2xx (%d while"
                        + " Kafka was down), %d failed attempts; every one once in the event store, the view and the"
                        + " leaders' notifications %s s after Kafka was back (half the outage: %s s)%n%n",
                LocalSystem.seconds(Duration.between(down, back)), load.requests().size(), load.answered().size(),
                answeredWhileDown, load.failures().size(), LocalSystem.seconds(drainTime),
                LocalSystem.seconds(outage.dividedBy(2)));

        assertThat(load.failures()).as("reports that failed while Kafka was down").isEmpty();
        assertThat(answeredWhileDown).as("reports taken while Kafka was down").isPositive();
        assertThat(drainTime).as("time to drain the backlog after the outage").isLessThanOrEqualTo(outage.dividedBy(2));
    }
}
