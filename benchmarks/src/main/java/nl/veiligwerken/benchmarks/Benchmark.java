package nl.veiligwerken.benchmarks;

import nl.veiligwerken.localrun.LocalRunSettings;
import nl.veiligwerken.localrun.LocalSystem;
import nl.veiligwerken.localrun.ProcessMemory;
import nl.veiligwerken.localrun.Service;
import nl.veiligwerken.localrun.ServiceProcess;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark behind {@code ./benchmark}: starts the whole system as {@code ./run-local} does (embedded
 * PostgreSQL, Kafka and mailbox, the three service jars as processes), measures pgbench on the same PostgreSQL
 * as the baseline, then drives the services through their HTTP API and prints every figure with its ratio to the
 * baseline. It asserts nothing: the figures are for people to read (docs/performance.md).
 */
public final class Benchmark {

    static final String NOORD = "ambulant-noord";
    static final String ZUID = "woongroep-zuid";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final String[] SEVERITIES = {"MINOR", "MODERATE", "MINOR", "SERIOUS"};

    private final Options options;
    private final LocalSystem system;
    private final Report report = new Report();
    private final List<String> header = new ArrayList<>();
    private Connection db;
    private Views views;
    private ServiceProcess ownQuery;
    /** Set aside once, before the first copy: later copies carry the same demo mark as the template. */
    private EventStoreFiller filler;
    private OptionalDouble p1 = OptionalDouble.empty();
    private OptionalDouble p8 = OptionalDouble.empty();

    private Benchmark(Options options, LocalSystem system) {
        this.options = options;
        this.system = system;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path repo = Path.of(System.getenv().getOrDefault("VW_REPO_DIR", "")).toAbsolutePath().normalize();
        Path dataDir = options.dataDir().toAbsolutePath();
        deleteRecursively(dataDir);
        LocalRunSettings free = LocalRunSettings.withFreePorts(repo, dataDir);
        String jvm = System.getenv("VW_SERVICE_JAVA_OPTS");
        // a machine busy with other work starts the services slowly: wait longer than the local run does
        LocalRunSettings settings = new LocalRunSettings(free.repoDir(), free.dataDir(), free.postgresPort(),
                free.smtpPort(), free.servicePorts(), Duration.ofMinutes(15),
                jvm == null || jvm.isBlank() ? free.serviceJvmOptions() : List.of(jvm.trim().split("\\s+")));
        LocalSystem system = new LocalSystem(settings);
        if (!system.missingJars().isEmpty()) {
            System.err.println("benchmark: not built: " + system.missingJars() + " (./benchmark builds them)");
            System.exit(1);
        }
        Benchmark benchmark = new Benchmark(options, system);
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stopEverything, "benchmark-shutdown"));
        try {
            benchmark.run();
        } finally {
            benchmark.stopEverything();
        }
        System.exit(0);
    }

    private synchronized void stopEverything() {
        if (ownQuery != null) {
            ownQuery.requestStop();
            try {
                ownQuery.awaitStop(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ownQuery = null;
        }
        system.stop();
    }

    private void run() throws Exception {
        header.add("Run of " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + (options.quick() ? ", **--quick** (small"
                + " sizes, short phases: shows the harness works, the figures are not the system's)" : ", full run") + ".");
        header.add(String.format(Locale.ROOT, "Machine: %d cores, load average at start %s; service JVMs: %s.",
                Runtime.getRuntime().availableProcessors(), loadAverage(), String.join(" ", system.settings().serviceJvmOptions())));
        log("starting the system (embedded PostgreSQL, Kafka, mailbox, three services) ...");
        system.start();
        report.add("local run: start-up until all three services report UP",
                String.format(Locale.ROOT, "%.1f s", system.startupTime().toMillis() / 1000.0));
        db = DriverManager.getConnection(system.jdbcUrl(), "postgres", "postgres");
        URI command = system.url(Service.COMMAND);
        views = new Views(Api.signIn(command, "ad", "demo"), command, system.url(Service.QUERY));
        awaitDemoHistory();
        awaitQuiet(Duration.ofMinutes(10));
        memory("memory after start-up (RSS; PostgreSQL PSS)");

        try {
            baselines();
            Load.Result paused = appends("paused", true, new CopyOnWriteArrayList<>());
            List<String> noordIncidents = new CopyOnWriteArrayList<>();
            Load.Result running = appends("running", false, noordIncidents);
            steps(noordIncidents);
            latency(Math.max(1, running.perSecond() / 2));
            replay();
            reads();
            wall(paused);
            memory("memory at the end (RSS; PostgreSQL PSS)");
        } catch (Exception | AssertionError e) {
            // what was measured so far is still worth reading, with why the rest is missing
            report.note("**The run stopped early**: " + e);
            e.printStackTrace();
        }
        header.add(String.format(Locale.ROOT, "Load average at the end: %s. Event store: %,d events, %,d incidents.",
                loadAverage(), EventStoreFiller.count(db), EventStoreFiller.incidents(db)));
        String table = report.markdown("## Benchmark results", header);
        System.out.println();
        System.out.println(table);
        Path output = options.output().toAbsolutePath();
        Files.createDirectories(output.getParent());
        Files.writeString(output, table, StandardCharsets.UTF_8);
        log("written to " + output);
    }

    // ---------------------------------------------------------------- baselines

    private void baselines() throws Exception {
        var pgbench = Pgbench.find();
        if (pgbench.isEmpty()) {
            System.err.println(Pgbench.howToInstall());
            report.note(Pgbench.howToInstall());
            return;
        }
        String script = Pgbench.prepare(db);
        int port = system.database().port();
        Path work = system.settings().dataDir().resolve("pgbench");
        log("pgbench (" + pgbench.get().executable() + "), 1 client ...");
        p1 = OptionalDouble.of(pgbench.get().run(script, port, "veiligwerken", "postgres", 1, options.pgbenchPhase(), work));
        log("pgbench, 8 clients ...");
        p8 = OptionalDouble.of(pgbench.get().run(script, port, "veiligwerken", "postgres", 8, options.pgbenchPhase(), work));
        Pgbench.cleanUp(db);
        report.add("P1: pgbench, single-row insert into a table shaped like the event table, 1 client",
                Report.rate(p1.getAsDouble()) + " tx");
        report.add("P8: the same, 8 clients", Report.rate(p8.getAsDouble()) + " tx", Report.ratio(p8.getAsDouble(), p1, "P1"), "", null);
    }

    // ---------------------------------------------------------------- appends

    /** Reports through POST /api/incidents, {@code clients} at a time, with everything that reads the store paused or running. */
    private Load.Result appends(String label, boolean pause, List<String> noordIncidents) throws Exception {
        awaitQuiet(Duration.ofMinutes(15));
        if (pause) {
            views.pauseAll();
        }
        List<Api> reporters = reporters(options.clients());
        long eventsBefore = head();
        long incidentsBefore = EventStoreFiller.incidents(db);
        AtomicLong sequence = new AtomicLong();
        log("appends, " + label + ": " + options.clients() + " clients for " + options.phase().toSeconds() + " s ...");
        Load.Result result = Load.closed(options.clients(), warmUp(), options.phase(), i -> () -> {
            Api api = reporters.get(i);
            String team = i % 2 == 0 ? NOORD : ZUID;
            String body = api.write(system.url(Service.COMMAND).resolve("/api/incidents"), reportJson(team, sequence.incrementAndGet()));
            if (team.equals(NOORD)) {
                noordIncidents.add(Api.field(body, "incidentId") + "@" + Api.field(body, "version"));
            }
        });
        double eventsPerReport = (head() - eventsBefore) / (double) Math.max(1, EventStoreFiller.incidents(db) - incidentsBefore);
        failures("appends " + label, result);
        String measure = "appends (reports through the API, " + options.clients() + " clients), projections and publisher " + label
                + " (" + String.format(Locale.ROOT, "%,d", eventsBefore) + " events in the store)";
        double factor = pause ? 0.20 : 0.10;
        report.add(measure, Report.rate(result.perSecond()) + " reports = " + Report.rate(result.perSecond() * eventsPerReport)
                        + String.format(Locale.ROOT, " events (%.1f a report); latency %s", eventsPerReport, Report.percentiles(result.latency())),
                Report.ratio(result.perSecond(), p8, "P8"), String.format(Locale.ROOT, "≥ %.2f × P8", factor),
                Report.atLeast(result.perSecond(), factor, p8));
        if (pause) {
            Instant resumed = Instant.now();
            long backlog = head();
            views.resumeAll();
            awaitQuiet(Duration.ofMinutes(15));
            double seconds = Duration.between(resumed, Instant.now()).toMillis() / 1000.0;
            report.add("catching up after the paused phase (views and publisher, " + String.format(Locale.ROOT, "%,d", backlog - eventsBefore)
                    + " events)", String.format(Locale.ROOT, "%.1f s", seconds));
        } else {
            awaitQuiet(Duration.ofMinutes(15));
        }
        return result;
    }

    private List<Api> reporters(int clients) throws Exception {
        List<Api> apis = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            apis.add(Api.signIn(system.url(Service.COMMAND), i % 2 == 0 ? "sanne" : "fatima", "demo"));
        }
        return apis;
    }

    static String reportJson(String team, long n) {
        String occurredAt = LocalDateTime.now(AMSTERDAM).minusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();
        return """
                {"teamId":"%s","occurredAt":"%s","setting":"%s","kinds":["%s"],"severity":"%s",\
                "description":"Benchmark report %d: raised voice at the front desk.","supportWanted":%s}"""
                .formatted(team, occurredAt, n % 3 == 0 ? "CLIENT_HOME" : "OFFICE", n % 2 == 0 ? "THREAT" : "VERBAL_ABUSE",
                        SEVERITIES[(int) (n % SEVERITIES.length)], n, n % 5 != 0);
    }

    // ---------------------------------------------------------------- steps

    /** Feedback (a step that loads the incident from its events and appends) on existing incidents, by their leader. */
    private void steps(List<String> noordIncidents) throws Exception {
        if (noordIncidents.size() < options.clients()) {
            report.note("step phase skipped: too few incidents from the append phase");
            return;
        }
        Map<String, Long> versions = new ConcurrentHashMap<>();
        List<List<String>> slices = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            slices.add(new ArrayList<>());
        }
        for (int i = 0; i < noordIncidents.size(); i++) {
            String[] idAndVersion = noordIncidents.get(i).split("@");
            versions.put(idAndVersion[0], Long.parseLong(idAndVersion[1]));
            slices.get(i % options.clients()).add(idAndVersion[0]);
        }
        List<Api> leaders = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            leaders.add(Api.signIn(system.url(Service.COMMAND), "mark", "demo"));
        }
        URI command = system.url(Service.COMMAND);
        log("step commands (feedback on existing incidents), " + options.clients() + " clients ...");
        Load.Result result = Load.closed(options.clients(), warmUp(), options.phase(), i -> {
            List<String> mine = slices.get(i);
            int[] next = {0};
            return () -> {
                String id = mine.get(next[0]++ % mine.size());
                HttpResponse<String> answer = leaders.get(i).post(command.resolve("/api/incidents/" + id + "/feedback"),
                        "{\"expectedVersion\":" + versions.get(id) + ",\"message\":\"We bellen je morgen even.\"}");
                if (answer.statusCode() == 409) {
                    versions.put(id, Long.parseLong(Api.field(leaders.get(i).read(command.resolve("/api/incidents/" + id + "/version")), "version")));
                    throw new IllegalStateException("409 on " + id);
                }
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("feedback answered " + answer.statusCode() + ": " + Api.abbreviate(answer.body()));
                }
                versions.put(id, Long.parseLong(Api.field(answer.body(), "version")));
            };
        });
        failures("steps", result);
        report.add("step command on an existing incident (feedback: load its events + append), " + options.clients() + " clients",
                Report.rate(result.perSecond()) + "; latency " + Report.percentiles(result.latency()),
                Report.ratio(result.perSecond(), p8, "P8"), "", null);
        awaitQuiet(Duration.ofMinutes(15));
    }

    // ---------------------------------------------------------------- latency

    /**
     * Open model at {@code rate} reports a second: the report's latency, and how long until its tasks are in the
     * task view the query API reads and its NEW_INCIDENT notification is stored, each found by one JDBC poller
     * every 5 ms on the incident id (the same committed rows the APIs answer from).
     */
    private void latency(double rate) throws Exception {
        Api sanne = Api.signIn(system.url(Service.COMMAND), "sanne", "demo");
        URI reports = system.url(Service.COMMAND).resolve("/api/incidents");
        Histogram commandLatency = Load.histogram();
        Histogram taskFromSend = Load.histogram();
        Histogram taskFromAccept = Load.histogram();
        Histogram noteFromAccept = Load.histogram();
        Map<String, long[]> pending = new ConcurrentHashMap<>(); // id -> {intended, accepted, version, taskSeen, noteSeen}
        AtomicLong sequence = new AtomicLong();
        Poller poller = new Poller(pending, taskFromSend, taskFromAccept, noteFromAccept);
        Thread pollThread = new Thread(poller, "visibility-poller");
        pollThread.start();
        log(String.format(Locale.ROOT, "latency, open model at %.1f reports/s for %d s ...", rate, options.latencyPhase().toSeconds()));
        Load.Result result;
        try {
            result = Load.open(rate, options.latencyPhase(), 64, intended -> {
                String body = sanne.write(reports, reportJson(NOORD, sequence.incrementAndGet()));
                long accepted = System.nanoTime();
                commandLatency.recordValue(Math.max(1, (accepted - intended) / 1000));
                pending.put(Api.field(body, "incidentId"), new long[] {intended, accepted,
                        Long.parseLong(Api.field(body, "version")), 0, 0});
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            poller.stop();
            pollThread.join();
        }
        failures("latency", result);
        String at = String.format(Locale.ROOT, " (open model, %.1f reports/s = half the running capacity, %d s)", rate,
                options.latencyPhase().toSeconds());
        report.add("report: command latency" + at, Report.percentiles(commandLatency));
        double target = Report.ms(commandLatency, 99) + 50;
        report.add("report sent → its tasks visible in the query API's task view", Report.percentiles(taskFromSend), "",
                "p99 ≤ command p99 + 50 ms = " + Report.num(target) + " ms", Report.ms(taskFromSend, 99) <= target);
        report.add("report accepted (201) → tasks visible", Report.percentiles(taskFromAccept));
        report.add("report accepted (201) → NEW_INCIDENT notification stored", Report.percentiles(noteFromAccept), "",
                "p99 ≤ 250 ms", Report.ms(noteFromAccept, 99) <= 250);
        if (!pending.isEmpty()) {
            report.note(pending.size() + " reports of the latency phase were not seen in the views or notifications within 60 s");
        }
        awaitQuiet(Duration.ofMinutes(15));
    }

    private final class Poller implements Runnable {

        private final Map<String, long[]> pending;
        private final Histogram taskFromSend;
        private final Histogram taskFromAccept;
        private final Histogram noteFromAccept;
        private volatile boolean running = true;

        Poller(Map<String, long[]> pending, Histogram taskFromSend, Histogram taskFromAccept, Histogram noteFromAccept) {
            this.pending = pending;
            this.taskFromSend = taskFromSend;
            this.taskFromAccept = taskFromAccept;
            this.noteFromAccept = noteFromAccept;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            try (Connection poll = DriverManager.getConnection(system.jdbcUrl(), "postgres", "postgres");
                 PreparedStatement tasks = poll.prepareStatement(
                         "select incident_id, version from query.task_incident_version where incident_id = any(?)");
                 PreparedStatement notes = poll.prepareStatement("select distinct incident_id from notifier.notification"
                         + " where kind = 'NEW_INCIDENT' and incident_id = any(?)")) {
                while (running) {
                    if (!pending.isEmpty()) {
                        Array ids = poll.createArrayOf("varchar", pending.keySet().toArray());
                        tasks.setArray(1, ids);
                        try (ResultSet rs = tasks.executeQuery()) {
                            long now = System.nanoTime();
                            while (rs.next()) {
                                long[] p = pending.get(rs.getString(1));
                                if (p != null && p[3] == 0 && rs.getLong(2) >= p[2]) {
                                    p[3] = now;
                                    taskFromSend.recordValue(Math.max(1, (now - p[0]) / 1000));
                                    taskFromAccept.recordValue(Math.max(1, (now - p[1]) / 1000));
                                }
                            }
                        }
                        notes.setArray(1, ids);
                        try (ResultSet rs = notes.executeQuery()) {
                            long now = System.nanoTime();
                            while (rs.next()) {
                                long[] p = pending.get(rs.getString(1));
                                if (p != null && p[4] == 0) {
                                    p[4] = now;
                                    noteFromAccept.recordValue(Math.max(1, (now - p[1]) / 1000));
                                }
                            }
                        }
                        pending.entrySet().removeIf(e -> e.getValue()[3] != 0 && e.getValue()[4] != 0);
                    }
                    Thread.sleep(5);
                }
            } catch (SQLException | InterruptedException e) {
                System.err.println("visibility poller stopped: " + e);
            }
        }
    }

    // ---------------------------------------------------------------- replay

    private void replay() throws Exception {
        views.pauseAll();
        filler = new EventStoreFiller(db);
        filler.takeTemplate();
        log(String.format(Locale.ROOT, "filling the event store to %,d events / %,d incidents (template: %,d events of %,d incidents) ...",
                options.replayEvents(), options.replayIncidents(), filler.templateEvents(), filler.templateIncidents()));
        Instant fillStart = Instant.now();
        filler.growTo(options.replayEvents(), options.replayIncidents(), have -> log(String.format(Locale.ROOT, "  %,d events", have)));
        long events = EventStoreFiller.count(db);
        header.add(String.format(Locale.ROOT, "Event store filled to %,d events in %.0f s by copying the command service's own demo history.",
                events, Duration.between(fillStart, Instant.now()).toMillis() / 1000.0));
        long head = head();
        if (options.batchTuning()) {
            String batchOne = batchSizeJson(1);
            restartQuery(Map.of("SPRING_APPLICATION_JSON", batchOne), "batch-1");
            views.rebuildAll();
            long start = System.nanoTime();
            log("rebuilding every view with batch size 1, watched for " + options.batchTuningWindow().toSeconds() + " s ...");
            Thread.sleep(options.batchTuningWindow().toMillis());
            long position = Math.max(0, views.slowestPosition());
            double rate = position / ((System.nanoTime() - start) / 1e9);
            report.add("replay with batch size 1 (every view rebuilt at once; the slowest view's events/s over "
                            + options.batchTuningWindow().toSeconds() + " s)", Report.rate(rate) + " events",
                    Report.ratio(rate, p1, "P1"), "", null);
            restartQuery(Map.of(), "default");
        }
        views.rebuildAll();
        Instant start = Instant.now();
        log(String.format(Locale.ROOT, "rebuilding every view from %,d events ...", events));
        awaitCondition(Duration.ofMinutes(60), () -> views.rebuilt(head), "the rebuild");
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double rate = events / seconds;
        report.add(String.format(Locale.ROOT, "replay: every view rebuilt at once from %,d events (batch size %s)", events, currentBatchSize()),
                Report.rate(rate) + String.format(Locale.ROOT, " events (%.0f s)", seconds),
                Report.ratio(rate, p1, "P1"), "≥ 1.0 × P1", Report.atLeast(rate, 1.0, p1));
        Instant publisher = Instant.now();
        views.resumeAll();
        awaitQuiet(Duration.ofMinutes(30));
        report.add(String.format(Locale.ROOT, "publisher passing over the %,d copied history events (not published)", events),
                String.format(Locale.ROOT, "%.0f s", Duration.between(publisher, Instant.now()).toMillis() / 1000.0));
    }

    private static String batchSizeJson(int size) {
        return Stream.of("tasks", "incidents", "compliance", "review", "timeline", "my-reports")
                .map(name -> "\"" + name + "\":{\"batch-size\":" + size + "}")
                .collect(Collectors.joining(",", "{\"axon\":{\"eventhandling\":{\"processors\":{", "}}}}"));
    }

    private static String currentBatchSize() {
        return "100, as configured";
    }

    /** The query service again, with other settings: the views' processors read them only at start. */
    private void restartQuery(Map<String, String> extra, String label) throws Exception {
        ServiceProcess current = ownQuery != null ? ownQuery : system.service(Service.QUERY);
        current.requestStop();
        current.awaitStop(Duration.ofSeconds(60));
        Map<String, String> env = new LinkedHashMap<>(system.environmentFor(Service.QUERY));
        env.putAll(extra);
        log("restarting the query service (" + label + ") ...");
        ownQuery = ServiceProcess.start(Service.QUERY, Service.QUERY.jar(system.settings().repoDir()),
                system.settings().serviceJvmOptions(), env,
                system.settings().logDir().resolve(Service.QUERY.module() + "-" + label + ".log"), system.url(Service.QUERY));
        ownQuery.awaitHealthy(Instant.now().plus(Duration.ofMinutes(5)));
    }

    // ---------------------------------------------------------------- reads

    private void reads() throws Exception {
        Api mark = Api.signIn(system.url(Service.QUERY), "mark", "demo");
        long incidents = count("select count(*) from query.incident_view");
        URI query = system.url(Service.QUERY);
        for (String[] page : List.of(
                new String[] {"quarterly review API (GET /api/reviews/quarterly, team " + NOORD + ", four quarters)",
                        "/api/reviews/quarterly?team=" + NOORD},
                new String[] {"compliance API (GET /api/compliance, team " + NOORD + ", this quarter)",
                        "/api/compliance?team=" + NOORD},
                new String[] {"quarterly review page (GET /reviews/quarterly)", "/reviews/quarterly?team=" + NOORD})) {
            URI uri = query.resolve(page[1]);
            for (int i = 0; i < 3; i++) {
                mark.read(uri);
            }
            Histogram h = Load.histogram();
            for (int i = 0; i < options.readRequests(); i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = mark.get(uri);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(page[1] + " answered " + response.statusCode());
                }
                h.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            }
            report.add(page[0] + String.format(Locale.ROOT, ", %,d incidents in the read model, 1 client", incidents), Report.p95(h));
        }
    }

    // ---------------------------------------------------------------- no wall

    private void wall(Load.Result atStart) throws Exception {
        views.pauseAll();
        log(String.format(Locale.ROOT, "filling the event store to %,d events ...", options.wallEvents()));
        filler.growTo(options.wallEvents(), 0, have -> log(String.format(Locale.ROOT, "  %,d events", have)));
        long events = EventStoreFiller.count(db);
        List<Api> reporters = reporters(options.clients());
        AtomicLong sequence = new AtomicLong(1_000_000);
        log("appends at " + events + " events, paused ...");
        Load.Result result = Load.closed(options.clients(), warmUp(), options.phase(), i -> () ->
                reporters.get(i).write(system.url(Service.COMMAND).resolve("/api/incidents"),
                        reportJson(i % 2 == 0 ? NOORD : ZUID, sequence.incrementAndGet())));
        failures("appends at the wall size", result);
        report.add(String.format(Locale.ROOT, "appends, paused, at %,d events in the store", events),
                Report.rate(result.perSecond()) + " reports; latency " + Report.percentiles(result.latency()),
                String.format(Locale.ROOT, "%.2f × the rate at the start", result.perSecond() / atStart.perSecond()),
                "≥ 0.8 × the rate at the start", result.perSecond() >= 0.8 * atStart.perSecond());
    }

    // ---------------------------------------------------------------- helpers

    private Duration warmUp() {
        return options.phase().dividedBy(5);
    }

    private void failures(String phase, Load.Result result) {
        if (result.failures() > 0) {
            report.note(phase + ": " + result.failures() + " failed requests, first: " + result.firstFailure());
        }
    }

    private void awaitDemoHistory() throws Exception {
        // the command service writes its demo history once it is up: wait until the number of incidents holds still
        long last = -1;
        for (int stable = 0; stable < 3; ) {
            Thread.sleep(2000);
            long now = EventStoreFiller.incidents(db);
            stable = now == last && now > 0 ? stable + 1 : 0;
            last = now;
        }
    }

    private void awaitQuiet(Duration max) throws Exception {
        long head = head();
        awaitCondition(max, () -> views.quiet(head), "views and publisher to catch up");
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitCondition(Duration max, Condition condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(max);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + max);
            }
            Thread.sleep(200);
        }
    }

    private long head() throws SQLException {
        return count("select coalesce(max(global_index), 0) from eventstore.domain_event_entry");
    }

    private long count(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void memory(String title) {
        Map<String, OptionalLong> all = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            ServiceProcess p = service == Service.QUERY && ownQuery != null ? ownQuery : system.service(service);
            all.put(service.module(), ProcessMemory.rssKb(p.pid()));
        }
        system.memory().forEach((name, kb) -> {
            if (!all.containsKey(name)) {
                all.put(name, kb);
            }
        });
        long total = all.values().stream().mapToLong(kb -> kb.orElse(0)).sum();
        report.add(title, all.entrySet().stream().map(e -> e.getKey() + " " + ProcessMemory.format(e.getValue()))
                .collect(Collectors.joining(", ")) + "; total " + ProcessMemory.format(OptionalLong.of(total)));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void log(String message) {
        System.out.println("[benchmark " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toLocalTime() + "] " + message);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
