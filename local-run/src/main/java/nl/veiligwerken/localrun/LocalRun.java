package nl.veiligwerken.localrun;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs Veilig Werken on one machine with nothing installed but a JDK: {@code ./run-local} builds the jars and
 * starts this. Ctrl-C stops everything; the database and Kafka's topics stay in {@code .local-data} for next
 * time.
 */
public final class LocalRun {

    private static final Logger log = LoggerFactory.getLogger(LocalRun.class);

    private LocalRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalRunSettings settings;
        try {
            settings = LocalRunSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("local-run: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalSystem system = new LocalSystem(settings);
        if (!system.missingJars().isEmpty()) {
            // before anything starts: no point unpacking PostgreSQL for services that cannot run
            System.err.println("local-run: these services are not built yet:");
            system.missingJars().forEach(jar -> System.err.println("  " + jar));
            System.err.println("Run ./mvnw -DskipTests package first (./run-local does this for you).");
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            interrupted.set(true);
            log.info("Stopping: services first, then Kafka, the mailbox and PostgreSQL ...");
            system.stop();
            log.info("Stopped. Data kept in {}", settings.dataDir());
            stopped.countDown();
        }, "local-run-shutdown"));

        log.info("Starting Veilig Werken from {} (data in {})", settings.repoDir(), settings.dataDir());
        try {
            system.start();
        } catch (InterruptedException e) {
            return; // Ctrl-C during start-up: the shutdown hook is already cleaning up
        } catch (Exception e) {
            if (interrupted.get()) {
                return; // a failure caused by Ctrl-C stopping things under our feet is not news
            }
            System.err.println();
            System.err.println("local-run: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }

        printWelcome(system);
        watchServices(system);
        printMemory(system, "Memory (resident) after start-up");
        // the JVMs grow for a while after start-up; a second reading shows where they settle
        if (!stopped.await(60, TimeUnit.SECONDS)) {
            printMemory(system, "Memory (resident) one minute after start-up");
        }
        stopped.await();
    }

    private static void printWelcome(LocalSystem system) {
        LocalRunSettings s = system.settings();
        String out = """

                ==============================================================================
                 Veilig Werken is running (all services healthy after %s s)

                 Open:  %s/incidents/new   (report an incident)
                        %s/tasks           (team leader's task list)
                        %s/notifications   (aftercare notifications)

                 Demo accounts, password "demo":
                   sanne   staff        ambulant-noord
                   mark    team leader  ambulant-noord
                   fatima  staff        woongroep-zuid
                   peter   team leader  woongroep-zuid

                 Logs:      %s/<service>.log
                 Mail:      announced here as it arrives, saved as .eml in %s
                            (SMTP 127.0.0.1:%d)
                 Database:  %s  user postgres (any password)
                            data kept in %s
                 Kafka:     %s  topics incident-events, team-directory
                            data kept in %s

                 Ctrl-C stops everything; the database and Kafka are kept for the next run.
                ==============================================================================
                """.formatted(LocalSystem.seconds(system.startupTime()),
                system.url(Service.COMMAND), system.url(Service.QUERY), system.url(Service.NOTIFIER),
                s.logDir(), system.mailbox().mailDir(), system.smtpPort(),
                system.jdbcUrl(), s.postgresDir(), system.kafkaBootstrapServers(), s.kafkaDir());
        System.out.println(out);
    }

    private static void printMemory(LocalSystem system, String title) {
        StringBuilder line = new StringBuilder(title).append(':');
        long total = 0;
        for (Map.Entry<String, OptionalLong> e : system.memory().entrySet()) {
            line.append("\n  ").append(String.format("%-33s %s", e.getKey(), ProcessMemory.format(e.getValue())));
            total += e.getValue().orElse(0);
        }
        line.append("\n  ").append(String.format("%-33s %s", "total", ProcessMemory.format(OptionalLong.of(total))));
        log.info("{}", line);
    }

    /** A service that dies while the system runs is said so at once, with its log, rather than found out later. */
    private static void watchServices(LocalSystem system) {
        for (Service service : Service.values()) {
            ServiceProcess process = system.service(service);
            process.process().onExit().thenRun(() -> {
                if (!system.isStopped()) {
                    log.error("{} stopped unexpectedly (exit code {}). See {}", service.module(),
                            process.process().exitValue(), process.logFile());
                }
            });
        }
    }
}
