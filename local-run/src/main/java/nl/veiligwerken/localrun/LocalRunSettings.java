package nl.veiligwerken.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the local run can be told: where the repository and the data live, and which ports to use.
 *
 * @param repoDir            the checkout, holding {@code <module>/target/<module>.jar}
 * @param dataDir            PostgreSQL's data ({@code postgres/}), the services' logs ({@code logs/}), mail
 *                           ({@code mail/}) and Kafka's storage ({@code kafka/}); all kept across runs
 * @param postgresPort       fixed so a database tool can be pointed at it between runs
 * @param smtpPort           the dev mailbox (GreenMail)
 * @param servicePorts       HTTP port per service
 * @param startTimeout       how long the services together may take to become healthy
 * @param serviceJvmOptions  options for each service's JVM (before {@code -jar})
 */
public record LocalRunSettings(Path repoDir, Path dataDir, int postgresPort, int smtpPort,
                               Map<Service, Integer> servicePorts, Duration startTimeout,
                               List<String> serviceJvmOptions) {

    public static final int DEFAULT_POSTGRES_PORT = 54329;
    public static final int DEFAULT_SMTP_PORT = 3025;

    /*
     * -Xmx384m keeps three services plus the launcher within a laptop's budget; SerialGC and C1-only
     * compilation trade peak throughput (irrelevant for one person clicking around) for a faster start and
     * fewer threads on a small machine.
     */
    static final String DEFAULT_SERVICE_JVM_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    public LocalRunSettings {
        servicePorts = Map.copyOf(servicePorts);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        repoDir = repoDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The local run as a person starts it: fixed ports and {@code ./.local-data}, each overridable by an env var. */
    public static LocalRunSettings fromEnvironment(Map<String, String> env) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        ports.put(Service.COMMAND, intVar(env, "VW_COMMAND_PORT", 8081));
        ports.put(Service.QUERY, intVar(env, "VW_QUERY_PORT", 8082));
        ports.put(Service.NOTIFIER, intVar(env, "VW_NOTIFIER_PORT", 8083));
        Path repo = env.containsKey("VW_REPO_DIR") ? Path.of(env.get("VW_REPO_DIR")) : findRepoDir();
        return new LocalRunSettings(repo,
                Path.of(env.getOrDefault("VW_DATA_DIR", ".local-data")),
                intVar(env, "VW_PG_PORT", DEFAULT_POSTGRES_PORT),
                intVar(env, "VW_SMTP_PORT", DEFAULT_SMTP_PORT),
                ports,
                Duration.ofSeconds(intVar(env, "VW_START_TIMEOUT_SECONDS", 300)),
                split(env.getOrDefault("VW_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JVM_OPTIONS)));
    }

    /** For tests: every port a free one, so a test run never collides with a local run on the same machine. */
    public static LocalRunSettings withFreePorts(Path repoDir, Path dataDir) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        return new LocalRunSettings(repoDir, dataDir, freePort(), freePort(), ports, Duration.ofSeconds(300),
                split(DEFAULT_SERVICE_JVM_OPTIONS));
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path mailDir() {
        return dataDir.resolve("mail");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The checkout: the working directory or the nearest parent that holds the services' modules (so the
     * launcher works from the repository root and from {@code local-run/}), else two levels above the jar
     * ({@code <repo>/local-run/target/local-run-exec.jar}).
     */
    static Path findRepoDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRepo(dir)) {
                return dir;
            }
        }
        try {
            Path codeSource = Path.of(LocalRunSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = codeSource; dir != null; dir = dir.getParent()) {
                if (isRepo(dir)) {
                    return dir;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // nested jar URLs or an unusual class loader: fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    private static boolean isRepo(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve(Service.COMMAND.module()));
    }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
        }
    }

    private static List<String> split(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
