package nl.veiligwerken.localrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL (zonky's embedded binaries) whose data directory outlives the launcher: reports made
 * today are still there tomorrow. The services connect as {@code postgres}; zonky's cluster trusts local
 * connections, so any password works.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "veiligwerken";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** How {@link #stop(StopMode)} shuts PostgreSQL down, as {@code pg_ctl stop -m}. */
    public enum StopMode {
        /** Rolls back open transactions, ends the connections and writes a checkpoint. */
        FAST("fast"),
        /** Ends at once, like a crash: the next start recovers from the write-ahead log. */
        IMMEDIATE("immediate");

        private final String pgCtlMode;

        StopMode(String pgCtlMode) {
            this.pgCtlMode = pgCtlMode;
        }
    }

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Path logFile;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, Path logFile) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    public static EmbeddedDatabase start(Path dataDir, int port, Path logFile) throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(logFile.getParent());
        boolean existing = Files.exists(dataDir.resolve("PG_VERSION"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                // keep the data between runs: zonky's default wipes the directory on start and close
                .setCleanDataDirectory(false)
                .setPort(port)
                // we stop PostgreSQL ourselves, after the services, so they do not lose their connections first
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // three services with a connection pool each, plus Axon's processors
                .setServerConfig("max_connections", "200")
                /*
                 * zonky turns synchronous_commit off (fast for throw-away test databases): a commit is then
                 * acknowledged before its WAL is on disk, and a crash or an immediate stop loses the last ones.
                 * Here that would be a report answered 201 and then gone. PostgreSQL's default, as in docker compose.
                 */
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDir, logFile);
        try {
            boolean created = database.createDatabaseIfMissing();
            log.info("PostgreSQL on port {} ({} data in {}{})", port, existing ? "existing" : "new", dataDir,
                    created ? ", created database " + DATABASE : "");
        } catch (SQLException e) {
            database.close();
            throw new IOException("Could not prepare database " + DATABASE + ": " + e.getMessage(), e);
        }
        return database;
    }

    private boolean createDatabaseIfMissing() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, DATABASE);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + DATABASE);
            }
            return true;
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    /** A JDBC URL without user and password in it: the services get those as DB_USER and DB_PASSWORD. */
    public String plainJdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public Connection connect() throws SQLException {
        return postgres.getDatabase(USER, DATABASE).getConnection();
    }

    /** The postmaster's pid, from its pid file; its backends are its children. */
    public OptionalLong postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Stops PostgreSQL with {@code pg_ctl stop -m fast} or {@code -m immediate}, keeping its data, port and
     * settings for {@link #startAgain()}: the fault tests take the database away under the running services.
     */
    public void stop(StopMode mode) throws IOException, InterruptedException {
        pgCtl(List.of("stop", "-m", mode.pgCtlMode, "-w", "-t", "60"));
        log.info("PostgreSQL stopped ({})", mode.pgCtlMode);
    }

    /**
     * Starts PostgreSQL again after {@link #stop(StopMode)}, with the options it last ran with (its own
     * {@code postmaster.opts}: the same port and settings), and returns once it accepts connections.
     */
    public void startAgain() throws IOException, InterruptedException {
        pgCtl(List.of("start", "-w", "-t", "60", "-l", logFile.toString(), "-o", postmasterOptions()));
        log.info("PostgreSQL started again on port {}", port());
    }

    /**
     * The arguments after the program in {@code postmaster.opts}, quoted as PostgreSQL wrote them there, but for
     * the data directory, which {@code pg_ctl -D} adds again (else each restart would add one more).
     */
    private String postmasterOptions() throws IOException {
        String line = Files.readString(dataDir.resolve("postmaster.opts")).strip();
        int firstArgument = line.indexOf(" \"");
        return firstArgument < 0 ? "" : line.substring(firstArgument + 1).replaceAll("\"-D\" \"[^\"]*\" ?", "").strip();
    }

    /** {@code pg_ctl} next to the {@code postgres} that {@code postmaster.opts} names. */
    private Path pgCtlExecutable() throws IOException {
        String line = Files.readString(dataDir.resolve("postmaster.opts")).strip();
        int end = line.indexOf(" \"");
        return Path.of(end < 0 ? line : line.substring(0, end)).resolveSibling("pg_ctl");
    }

    private void pgCtl(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        // as zonky does: PostgreSQL refuses to run as root, so as root it runs in a user namespace of its own
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtlExecutable().toString());
        command.addAll(List.of("-D", dataDir.toString()));
        command.addAll(arguments);
        Process pgCtl = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        if (!pgCtl.waitFor(90, TimeUnit.SECONDS)) {
            pgCtl.destroyForcibly();
            throw new IOException("pg_ctl " + arguments.get(0) + " did not finish; see " + logFile);
        }
        if (pgCtl.exitValue() != 0) {
            throw new IOException("pg_ctl " + arguments.get(0) + " failed (exit code " + pgCtl.exitValue()
                    + "); see " + logFile);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
