package nl.veiligwerken.localrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.List;
import java.util.OptionalLong;

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

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
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
                .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDir);
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

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
