package nl.veiligwerken.localrun;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The whole system on one machine: PostgreSQL, Kafka and a mailbox, and the three services wired to them
 * through the same environment variables docker compose uses. {@link LocalRun} starts it for people,
 * {@code LocalRunIT} for the end-to-end test.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final LocalRunSettings settings;
    private final Map<String, String> extraEnvironment;
    private EmbeddedDatabase database;
    private EmbeddedKafka kafka;
    private DevMailbox mailbox;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private volatile Duration startupTime;
    /*
     * Ctrl-C may arrive while start() is still waiting for the services: stop() must not wait for start(),
     * and start() must not launch anything after stop() has run. Both only hold this lock briefly.
     */
    private final Object lifecycle = new Object();
    private boolean stopped;

    public LocalSystem(LocalRunSettings settings) {
        this(settings, Map.of());
    }

    /**
     * @param extraEnvironment added to (or replacing) each service's environment, for a test that wants the
     *                         services set differently ({@code DEMO_HISTORY_INCIDENTS=0}, for instance)
     */
    public LocalSystem(LocalRunSettings settings, Map<String, String> extraEnvironment) {
        this.settings = settings;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    /** Jars that are not built yet; starting without them would only fail later and less clearly. */
    public List<String> missingJars() {
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(service.jar(settings.repoDir()))) {
                missing.add(service.jar(settings.repoDir()).toString());
            }
        }
        return missing;
    }

    /**
     * Starts everything and returns once every service reports UP. On failure, whatever was started is
     * stopped again before the exception leaves.
     */
    public void start() throws IOException, InterruptedException {
        List<String> missing = missingJars();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built yet: " + String.join(", ", missing)
                    + "\nRun ./mvnw -DskipTests package first (./run-local does this for you).");
        }
        checkPortsFree();
        Instant begin = Instant.now();
        try {
            Files.createDirectories(settings.logDir());
            EmbeddedDatabase db = EmbeddedDatabase.start(settings.postgresDir(), settings.postgresPort(),
                    settings.logDir().resolve("postgres.log"));
            keep(db, () -> database = db);
            EmbeddedKafka k = EmbeddedKafka.start(settings.kafkaDir());
            keep(k, () -> kafka = k);
            DevMailbox m = DevMailbox.start(settings.smtpPort(), settings.mailDir());
            keep(m, () -> mailbox = m);
            // in parallel: each service migrates its own schemas, Flyway's lock serialises the shared ones
            for (Service service : Service.values()) {
                ServiceProcess p = ServiceProcess.start(service, service.jar(settings.repoDir()),
                        settings.serviceJvmOptions(), environmentFor(service),
                        settings.logDir().resolve(service.module() + ".log"), url(service));
                keep(p::requestStop, () -> services.put(service, p));
            }
            Instant deadline = begin.plus(settings.startTimeout());
            for (ServiceProcess process : services.values()) {
                process.awaitHealthy(deadline);
                log.info("{} is up ({}s)", process.service().module(), seconds(Duration.between(begin, Instant.now())));
            }
            startupTime = Duration.between(begin, Instant.now());
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Records a started component, or stops it again at once when stop() already ran. */
    private void keep(AutoCloseable started, Runnable record) throws InterruptedException {
        synchronized (lifecycle) {
            if (!stopped) {
                record.run();
                return;
            }
        }
        quietly("a component started during shutdown", started::close);
        throw new InterruptedException("stopped during start-up");
    }

    public boolean isStopped() {
        synchronized (lifecycle) {
            return stopped;
        }
    }

    /** The configuration contract of docs/architecture.md, pointed at what this class started. */
    public Map<String, String> environmentFor(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(settings.port(service)));
        env.put("DB_URL", database.plainJdbcUrl());
        env.put("DB_USER", EmbeddedDatabase.USER);
        env.put("DB_PASSWORD", EmbeddedDatabase.PASSWORD);
        // DB_POOL_SIZE is left at its default (10, as docker compose has it): with 5 the query service's six
        // pooled view processors (a coordinator and two work packages each) waited for connections more than they
        // worked, which the benchmark's replay showed (docs/performance.md); PostgreSQL here allows 200
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(mailbox.port()));
        env.put("MAIL_FROM", "noreply@veiligwerken.local");
        env.put("COMMAND_URL", url(Service.COMMAND).toString());
        env.put("QUERY_URL", url(Service.QUERY).toString());
        env.put("NOTIFIER_URL", url(Service.NOTIFIER).toString());
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        env.putAll(extraEnvironment);
        return env;
    }

    /*
     * Faults on purpose, for the fault tests (FaultIT in the tests): each takes one part away under the
     * running services, or brings it back where they knew it.
     */

    /** Stops the broker (a controlled shutdown); its data directory and ports stay for {@link #startKafka()}. */
    public void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again on the same data directory and ports, after {@link #stopKafka()}. */
    public void startKafka() throws IOException {
        kafka = kafka.restart(settings.kafkaDir());
    }

    /**
     * Restarts PostgreSQL on the same port and data: {@code pg_ctl stop -m <mode>}, {@code down} without it,
     * then started again. The services are not told; their connections break and they have to recover.
     */
    public void restartPostgres(EmbeddedDatabase.StopMode mode, Duration down) throws IOException, InterruptedException {
        database.stop(mode);
        Thread.sleep(down.toMillis());
        database.startAgain();
    }

    /** {@code kill -9} of one service's process, whatever it is doing. */
    public void killService(Service service) throws InterruptedException {
        services.get(service).kill();
        log.info("{} killed (kill -9)", service.module());
    }

    /** Starts a service again (after {@link #killService}) with the same environment; returns once it is UP. */
    public void startService(Service service) throws IOException, InterruptedException {
        ServiceProcess process = ServiceProcess.start(service, service.jar(settings.repoDir()),
                settings.serviceJvmOptions(), environmentFor(service),
                settings.logDir().resolve(service.module() + ".log"), url(service));
        keep(process::requestStop, () -> services.put(service, process));
        process.awaitHealthy(Instant.now().plus(settings.startTimeout()));
    }

    private void checkPortsFree() {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(settings.postgresPort(), "PostgreSQL (VW_PG_PORT)");
        wanted.put(settings.smtpPort(), "the dev mailbox (VW_SMTP_PORT)");
        wanted.put(settings.port(Service.COMMAND), Service.COMMAND.module() + " (VW_COMMAND_PORT)");
        wanted.put(settings.port(Service.QUERY), Service.QUERY.module() + " (VW_QUERY_PORT)");
        wanted.put(settings.port(Service.NOTIFIER), Service.NOTIFIER.module() + " (VW_NOTIFIER_PORT)");
        List<String> busy = new ArrayList<>();
        wanted.forEach((port, what) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.add("port " + port + " for " + what);
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Already in use: " + String.join("; ", busy)
                    + ".\nIs another local run (or docker compose) still running? Stop it, or choose other ports"
                    + " with the environment variables named.");
        }
    }

    /** Stops the services first (they still need the database and Kafka to shut down cleanly), then the rest. */
    public void stop() {
        List<ServiceProcess> children;
        synchronized (lifecycle) {
            if (stopped) {
                return;
            }
            stopped = true;
            children = List.copyOf(services.values());
        }
        children.forEach(ServiceProcess::requestStop);
        for (ServiceProcess process : children) {
            try {
                process.awaitStop(STOP_GRACE);
            } catch (InterruptedException e) {
                process.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            quietly("Kafka", kafka::close);
        }
        if (mailbox != null) {
            quietly("the dev mailbox", mailbox::close);
        }
        if (database != null) {
            quietly("PostgreSQL", database::close);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(String what, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            // stopping the rest matters more than this one failure
            log.warn("Stopping {} failed: {}", what, e.toString());
        }
    }

    @Override
    public void close() {
        stop();
    }

    public URI url(Service service) {
        return URI.create("http://localhost:" + settings.port(service));
    }

    public LocalRunSettings settings() {
        return settings;
    }

    public String jdbcUrl() {
        return database.plainJdbcUrl();
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public int smtpPort() {
        return mailbox.port();
    }

    public DevMailbox mailbox() {
        return mailbox;
    }

    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Resident memory in kB: each service's JVM and the launcher (with Kafka and the mailbox in it) by RSS,
     * PostgreSQL's processes together by PSS.
     */
    public Map<String, OptionalLong> memory() {
        Map<String, OptionalLong> rss = new LinkedHashMap<>();
        services.values().forEach(p -> rss.put(p.service().module(), p.rssKb()));
        rss.put("launcher (Kafka, mailbox)", ProcessMemory.rssKb(ProcessHandle.current().pid()));
        OptionalLong postmaster = database == null ? OptionalLong.empty() : database.postmasterPid();
        rss.put("PostgreSQL (all processes, PSS)",
                postmaster.isPresent() ? ProcessMemory.treePssKb(postmaster.getAsLong()) : OptionalLong.empty());
        return rss;
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
