package nl.veiligwerken.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The baseline: what this PostgreSQL does with the simplest write the event store could do, one row in its own
 * transaction, into a table shaped like {@code eventstore.domain_event_entry} (same columns, keys and unique
 * indexes, a sequence for the global index, payload and metadata of the store's average size).
 */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Path executable;

    private Pgbench(Path executable) {
        this.executable = executable;
    }

    /** pgbench on the PATH or under /usr/lib/postgresql/<version>/bin, the newest first. */
    static Optional<Pgbench> find() {
        String override = System.getenv("PGBENCH");
        if (override != null && Files.isExecutable(Path.of(override))) {
            return Optional.of(new Pgbench(Path.of(override)));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "pgbench");
            if (!dir.isBlank() && Files.isExecutable(candidate)) {
                return Optional.of(new Pgbench(candidate));
            }
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable)
                        .max(Comparator.comparing(Path::toString)).map(Pgbench::new);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static String howToInstall() {
        return "pgbench not found (PATH, /usr/lib/postgresql/*/bin or $PGBENCH): install it, e.g."
                + " 'sudo apt-get install postgresql-contrib' (Debian/Ubuntu, in postgresql-client-<n> on newer ones),"
                + " 'brew install libpq' (macOS); the ratios are left out without it.";
    }

    Path executable() {
        return executable;
    }

    /** Creates {@code bench.event} like the event store's table, with the store's average payload sizes. */
    static String prepare(Connection db) throws SQLException {
        int payload;
        int metaData;
        try (Statement s = db.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("drop table if exists bench.event");
            s.execute("drop sequence if exists bench.event_seq");
            s.execute("create table bench.event (like eventstore.domain_event_entry including all)");
            s.execute("create sequence bench.event_seq start with 1 increment by 1");
            try (ResultSet rs = s.executeQuery("select coalesce(avg(length(payload)), 500)::int,"
                    + " coalesce(avg(length(meta_data)), 50)::int from eventstore.domain_event_entry")) {
                rs.next();
                payload = rs.getInt(1);
                metaData = rs.getInt(2);
            }
        }
        return """
                insert into bench.event (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                values (nextval('bench.event_seq'), gen_random_uuid()::text, decode(repeat('7b', %d), 'hex'),
                    decode(repeat('7b', %d), 'hex'), null, 'nl.veiligwerken.api.reporting.IncidentReportedEvent',
                    now()::text, gen_random_uuid()::text, 0, 'Incident');
                """.formatted(metaData, payload).replace("\n", " ").strip() + "\n";
    }

    static void cleanUp(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("drop schema if exists bench cascade");
        }
    }

    /** Transactions per second with {@code clients} connections for {@code duration}. */
    double run(String script, int port, String database, String user, int clients, Duration duration, Path workDir)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path file = workDir.resolve("pgbench-insert.sql");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-n", "-h", "localhost",
                "-p", Integer.toString(port), "-U", user, "-c", Integer.toString(clients),
                "-j", Integer.toString(clients), "-T", Long.toString(duration.toSeconds()), "-f", file.toString(), database));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "postgres");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        return parseTps(output);
    }

    static double parseTps(String output) {
        Matcher m = TPS.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no tps in pgbench's output: " + output);
        }
        return Double.parseDouble(m.group(1));
    }
}
