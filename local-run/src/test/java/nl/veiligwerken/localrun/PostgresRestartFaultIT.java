package nl.veiligwerken.localrun;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarted under load, with {@code pg_ctl stop -m fast} (open transactions rolled back) and
 * {@code -m immediate} (as a crash: recovery from the write-ahead log), down for a few seconds. Reports fail only
 * while it is away, and are answered 503 (try again) rather than 500; every report answered 2xx is there once, in the view and with its leaders, and the services'
 * processors get there by themselves: the same processes as before the restart.
 * Not part of {@code ./mvnw verify}: run with {@code ./fault-tests}.
 */
@ExtendWith(FaultSystem.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PostgresRestartFaultIT {

    private static final Duration DOWN = Duration.ofSeconds(5);
    @ParameterizedTest
    @EnumSource(EmbeddedDatabase.StopMode.class)
    void reportsFailOnlyWhileTheDatabaseIsAwayAndNothingIsLost(EmbeddedDatabase.StopMode mode) throws Exception {
        LocalSystem system = FaultSystem.system();
        Ledger ledger = new Ledger(system);
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            pids.put(service, system.service(service).pid());
        }

        ReportLoad load = ReportLoad.start(system, "postgres-" + mode.name().toLowerCase());
        Thread.sleep(10_000);
        Instant stopped = Instant.now();
        system.restartPostgres(mode, DOWN);
        Instant back = Instant.now();
        Thread.sleep(15_000);
        load.close();

        Instant complete = ledger.awaitComplete(load, Duration.ofMinutes(4));
        System.out.printf("%nFault test, PostgreSQL restarted (%s, %s s without it) under load: %d requests, %d"
                        + " answered 2xx, %d failed attempts (%d while it was away), each once everywhere %s s after"
                        + " it was back%n%n", mode.name().toLowerCase(), LocalSystem.seconds(Duration.between(stopped, back)),
                load.requests().size(), load.answered().size(), load.failures().size(),
                load.failuresDuring(stopped, back), LocalSystem.seconds(Duration.between(back, complete)));

        assertThat(load.failuresOutside(stopped, back)).as("failed attempts outside the outage").isEmpty();
        assertThat(load.failures()).as("an answer while the database is away says 'try again' (503), never 500")
                .extracting(ReportLoad.Failure::what).filteredOn(what -> what.startsWith("HTTP "))
                .allMatch("HTTP 503"::equals);
        for (Service service : Service.values()) {
            assertThat(system.service(service).pid()).as("%s was not restarted", service.module()).isEqualTo(pids.get(service));
            assertThat(system.service(service).isAlive()).as("%s is still running", service.module()).isTrue();
        }
    }
}
