package nl.veiligwerken.localrun;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of each service under load, in the middle of whatever batch it is handling (the command
 * service's publisher, the query service's projections, the notifier's records), then started again: every
 * report answered 2xx is there once, in the view and with its leaders, none told twice. Reports fail only while
 * the command service itself is down.
 * Not part of {@code ./mvnw verify}: run with {@code ./fault-tests}.
 */
@ExtendWith(FaultSystem.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ServiceKillFaultIT {

    @ParameterizedTest
    @EnumSource(Service.class)
    void nothingIsLostOrToldTwiceAfterAKill(Service victim) throws Exception {
        LocalSystem system = FaultSystem.system();
        Ledger ledger = new Ledger(system);

        ReportLoad load = ReportLoad.start(system, "kill-" + victim.module());
        Thread.sleep(8_000);
        Instant killed = Instant.now();
        system.killService(victim);
        system.startService(victim);
        Instant back = Instant.now();
        Thread.sleep(8_000);
        load.close();

        Instant complete = ledger.awaitComplete(load, Duration.ofMinutes(3));
        System.out.printf("%nFault test, kill -9 of %s under load: %d requests, %d answered 2xx, %d failed attempts"
                        + " (%d while it was down), back up after %s s, each once everywhere %s s after that%n%n",
                victim.module(), load.requests().size(), load.answered().size(), load.failures().size(),
                load.failuresDuring(killed, back), LocalSystem.seconds(Duration.between(killed, back)),
                LocalSystem.seconds(Duration.between(back, complete)));

        if (victim == Service.COMMAND) {
            assertThat(load.failuresOutside(killed, back)).as("failed attempts outside the outage").isEmpty();
        } else {
            assertThat(load.failures()).as("failed reports: the command service kept running").isEmpty();
        }
    }
}
