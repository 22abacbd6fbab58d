package nl.veiligwerken.localrun;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A few people reporting incidents through the JSON API, each on their own signed-in session, one report after
 * another with a short pause. Every report carries its own request id as its {@code incidentId}: the API takes a
 * report sent again with the same id as the same report, so a client that got no 2xx (an error, a timeout, a
 * refused connection) sends the same request again until it gets one, as a careful client would. The requests
 * and every failed attempt are kept for the {@link Ledger}.
 */
final class ReportLoad implements AutoCloseable {

    /** The demo's staff, with the team they report for. */
    record Reporter(String username, String teamId) {
    }

    static final List<Reporter> REPORTERS = List.of(new Reporter("sanne", "ambulant-noord"),
            new Reporter("fatima", "woongroep-zuid"), new Reporter("bram", "ambulant-noord"));

    /** One report, by request id. {@code answered} is when it got its 2xx, null if it never did. */
    static final class Request {
        final String id;
        final Reporter reporter;
        final Instant firstSent;
        volatile Instant answered;
        volatile int attempts;

        Request(String id, Reporter reporter, Instant firstSent) {
            this.id = id;
            this.reporter = reporter;
            this.firstSent = firstSent;
        }
    }

    /** An attempt, sent at {@code sent}, that got no 2xx at {@code at}: the HTTP status, or the exception on the way. */
    record Failure(Instant sent, Instant at, String requestId, String what) {

        boolean overlaps(Instant from, Instant to) {
            return !at.isBefore(from) && !sent.isAfter(to);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private final URI command;
    private final String label;
    private final Duration pause;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Throwable> broken = new ConcurrentLinkedQueue<>();

    private ReportLoad(URI command, String label, Duration pause) {
        this.command = command;
        this.label = label;
        this.pause = pause;
    }

    /** Signs the clients in (while everything is up) and starts them. */
    static ReportLoad start(LocalSystem system, String label) throws Exception {
        ReportLoad load = new ReportLoad(system.url(Service.COMMAND), label, FaultSystem.pause());
        for (int i = 0; i < FaultSystem.clients(); i++) {
            Reporter reporter = REPORTERS.get(i % REPORTERS.size());
            Browser browser = new Browser();
            browser.signIn(load.command, reporter.username(), "demo");
            Thread client = new Thread(() -> load.run(browser, reporter), "fault-load-" + reporter.username() + "-" + i);
            client.setDaemon(true);
            load.clients.add(client);
        }
        load.clients.forEach(Thread::start);
        return load;
    }

    private void run(Browser browser, Reporter reporter) {
        try {
            while (running.get()) {
                Request request = new Request(UUID.randomUUID().toString(), reporter, Instant.now());
                requests.add(request);
                String body = reportJson(request);
                while (running.get() && request.answered == null) {
                    request.attempts++;
                    Instant sent = Instant.now();
                    try {
                        HttpResponse<String> answer = browser.postJson(command.resolve("/api/incidents"), body, TIMEOUT);
                        if (answer.statusCode() / 100 == 2) {
                            request.answered = Instant.now();
                        } else {
                            failures.add(new Failure(sent, Instant.now(), request.id, "HTTP " + answer.statusCode()));
                        }
                    } catch (java.io.IOException e) {
                        failures.add(new Failure(sent, Instant.now(), request.id, e.getClass().getSimpleName()));
                    }
                    // after a failure, wait longer: a client hammering a service that is down is no test of it
                    Thread.sleep(request.answered == null ? Math.max(1000, pause.toMillis()) : pause.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            broken.add(e);
        }
    }

    private String reportJson(Request request) {
        String occurredAt = LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).minusHours(1)
                .truncatedTo(ChronoUnit.MINUTES).format(LOCAL);
        return """
                {"incidentId": "%s", "teamId": "%s", "occurredAt": "%s", "setting": "OFFICE",
                 "kinds": ["VERBAL_ABUSE"], "severity": "MINOR", "supportWanted": false,
                 "description": "Fault test %s, request %s"}""".formatted(request.id, request.reporter.teamId(),
                occurredAt, label, request.id);
    }

    /** Stops the clients; a request still without its 2xx stays unanswered. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(TIMEOUT.plusSeconds(5).toMillis());
        }
        if (!broken.isEmpty()) {
            throw new IllegalStateException("a load client broke down", broken.peek());
        }
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> answered() {
        return requests.stream().filter(r -> r.answered != null).toList();
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /**
     * Failed attempts that were not under way at any moment of {@code [from, to]}: an attempt sent before an
     * outage may fail during it, and one sent during it may wait for a connection and fail a little after.
     */
    List<Failure> failuresOutside(Instant from, Instant to) {
        return failures.stream().filter(f -> !f.overlaps(from, to)).toList();
    }

    long failuresDuring(Instant from, Instant to) {
        return failures.stream().filter(f -> f.overlaps(from, to)).count();
    }
}
