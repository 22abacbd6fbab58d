package nl.veiligwerken.localrun;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One running system for all fault tests of a run: started by the first test class that needs it, stopped when
 * the run ends (JUnit closes what the root store holds). Starting it takes a minute or more on a small machine;
 * each test keeps its own ledger of request ids, so they do not need a fresh system each.
 * <p>
 * Run quietly, so that only the tests' own reports are there to follow: no generated history, no recent
 * incidents. Settings (system properties, passed on by {@code ./fault-tests}): {@code faults.dataDir} (default
 * {@code local-run/target/fault-tests}; the services' logs stay there after the run), {@code faults.clients}
 * (reporting threads, default 3), {@code faults.pauseMillis} (between one client's reports, default 250),
 * {@code faults.kafkaOutageSeconds} (default 120) and {@code faults.startTimeoutSeconds} (for the services to
 * come up, default 600).
 */
final class FaultSystem implements BeforeAllCallback {

    private static final String KEY = FaultSystem.class.getName();

    private static LocalSystem system;

    static LocalSystem system() {
        return system;
    }

    static int clients() {
        return Integer.getInteger("faults.clients", 3);
    }

    static Duration pause() {
        return Duration.ofMillis(Long.getLong("faults.pauseMillis", 250));
    }

    static Duration kafkaOutage() {
        return Duration.ofSeconds(Long.getLong("faults.kafkaOutageSeconds", 120));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        Object running = root.computeIfAbsent(KEY, key -> {
            try {
                return start();
            } catch (Exception | AssertionError e) {
                // remembered: the next test class fails at once instead of waiting minutes for the same failure
                return new IllegalStateException("The system for the fault tests did not start: " + e.getMessage(), e);
            }
        });
        if (running instanceof IllegalStateException failed) {
            throw failed;
        }
    }

    private static Running start() throws Exception {
        Path repo = Path.of(System.getProperty("vw.repoDir", "..")).toAbsolutePath().normalize();
        Path dataDir = Path.of(System.getProperty("faults.dataDir", "target/fault-tests")).toAbsolutePath();
        deleteRecursively(dataDir);
        LocalRunSettings free = LocalRunSettings.withFreePorts(repo, dataDir);
        // a busy machine starts three services slowly, and the fault tests restart them as well
        LocalRunSettings settings = new LocalRunSettings(free.repoDir(), free.dataDir(), free.postgresPort(),
                free.smtpPort(), free.servicePorts(), Duration.ofSeconds(Long.getLong("faults.startTimeoutSeconds", 600)),
                free.serviceJvmOptions());
        LocalSystem candidate = new LocalSystem(settings,
                Map.of("DEMO_HISTORY_INCIDENTS", "0", "DEMO_RECENT_INCIDENTS", "false"));
        List<String> missing = candidate.missingJars();
        if (!missing.isEmpty()) {
            fail("The service jars the fault tests start are not built: " + String.join(", ", missing)
                    + ". Run ./fault-tests, which builds them.");
        }
        // a test JVM that is stopped (a timeout, Ctrl-C) must not leave the services and PostgreSQL behind
        Runtime.getRuntime().addShutdownHook(new Thread(candidate::stop, "fault-tests-stop"));
        candidate.start();
        system = candidate;
        System.out.println("Fault tests: all services healthy after " + LocalSystem.seconds(system.startupTime())
                + " s; logs in " + system.settings().logDir());
        return new Running(candidate);
    }

    /** Closed by JUnit at the end of the run (the shutdown hook then finds it stopped). */
    record Running(LocalSystem system) implements AutoCloseable {
        @Override
        public void close() {
            system.stop();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
