package nl.veiligwerken.command;

import com.jayway.jsonpath.JsonPath;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import nl.veiligwerken.platform.test.RequestLedger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, item 4: two (here eight) writers on one incident. Leaders of the team amend the report and give
 * feedback at once through the HTTP API, each with the version they just read. Every answer is a success or a
 * 409, never a 500; the successes' version ranges tile the incident's event stream, whose sequence numbers run
 * from 0 without a gap or a duplicate; and every request, tracked in a {@link RequestLedger} by a marker in its
 * text, ends as exactly one event (a 409 as none), an incident lookup at least as new as its answer, and, for
 * feedback, exactly one record on {@code incident-events} after de-duplication on {@code ce_id}.
 * <p>
 * First in rounds: all writers read the version, wait for each other, then send, so exactly one per round wins
 * (the aggregate takes one command at a time; the others see a change since their version). Then freely, in
 * whatever interleaving the threads find, where only the invariants are asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = "incident-events")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@DirtiesContext
class TwoWritersIT {

    private static final int WRITERS = 8;
    private static final int ROUNDS_IN_STEP = 4;
    private static final int ROUNDS_FREE = 4;
    private static final String PASSWORD = "writers";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountDirectory directory;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    @Autowired
    tools.jackson.databind.json.JsonMapper jsonMapper;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** What a writer sent and got: the version it had read and, when it won, the version it was answered. */
    record Attempt(String requestId, boolean feedback, long expectedVersion, int status, Long answeredVersion) {
    }

    @Test
    void concurrentWritersGetSuccessOrConflictAndEveryEventIsAccountedFor() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TeamId team = new TeamId("writers-" + suffix);
        directory.saveTeam(team, "Schrijvers " + suffix);
        String reporter = "reporter-" + suffix;
        directory.saveAccount(reporter, "Melder", reporter + "@example.test", "{noop}" + PASSWORD, Set.of(Role.STAFF),
                Set.of(team), Set.of());
        List<String> leaders = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String leader = "leader" + w + "-" + suffix;
            directory.saveAccount(leader, "Leider " + w, leader + "@example.test", "{noop}" + PASSWORD,
                    Set.of(Role.TEAM_LEADER), Set.of(team), Set.of(team));
            leaders.add(leader);
        }
        HttpResponse<String> reported = send(reporter, "POST", "/api/incidents", report(team, "Dreigde bij de balie"));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        String incidentId = JsonPath.read(reported.body(), "$.incidentId");
        long reportedVersion = ((Number) JsonPath.read(reported.body(), "$.version")).longValue();

        RequestLedger ledger = new RequestLedger();
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> lookupAfterAnswer = Collections.synchronizedMap(new HashMap<>());
        CyclicBarrier inStep = new CyclicBarrier(WRITERS);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS_IN_STEP + ROUNDS_FREE; round++) {
                        boolean lockstep = round < ROUNDS_IN_STEP;
                        if (lockstep) {
                            inStep.await(); // everyone has finished the previous round before anyone reads
                        }
                        String leader = leaders.get(writer);
                        long version = ((Number) JsonPath.read(
                                send(leader, "GET", "/api/incidents/" + incidentId + "/version", null).body(),
                                "$.version")).longValue();
                        if (lockstep) {
                            inStep.await(); // everyone has read the same version
                        }
                        String requestId = "[w%02d-r%02d-%s]".formatted(writer, round, suffix);
                        boolean feedback = (writer + round) % 2 == 1;
                        HttpResponse<String> answer = feedback
                                ? send(leader, "POST", "/api/incidents/" + incidentId + "/feedback", """
                                        {"expectedVersion":%d,"message":"We hebben met de client gesproken %s"}"""
                                        .formatted(version, requestId))
                                : send(leader, "POST", "/api/incidents/" + incidentId + "/amend", """
                                        {"expectedVersion":%d,"reason":"Aanvulling %s","report":%s}"""
                                        .formatted(version, requestId, report(team, "Dreigde bij de balie " + requestId)));
                        Long answered = null;
                        if (answer.statusCode() == 200) {
                            answered = ((Number) JsonPath.read(answer.body(), "$.version")).longValue();
                            lookupAfterAnswer.put(requestId, jdbc.queryForObject(
                                    "select version from command.incident_lookup where incident_id = ?", Long.class,
                                    incidentId));
                        }
                        ledger.answered(requestId, answer.statusCode(), answer.body(), feedback);
                        attempts.add(new Attempt(requestId, feedback, version, answer.statusCode(), answered));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(attempts).hasSize(WRITERS * (ROUNDS_IN_STEP + ROUNDS_FREE));
        assertThat(attempts).as("every answer a success or a 409").allSatisfy(a ->
                assertThat(a.status()).as(a.requestId()).isIn(200, 409));
        assertThat(ledger.succeeded()).as("at least one winner per round in step").isGreaterThanOrEqualTo(ROUNDS_IN_STEP);
        assertThat(attempts.stream().filter(a -> a.status() == 409 && !ledger.entries().stream()
                .filter(e -> e.requestId().equals(a.requestId())).findFirst().orElseThrow().answer()
                .contains("detail"))).as("a 409 says why").isEmpty();
        Map<Long, Long> winnersPerLockstepVersion = new HashMap<>();
        attempts.stream().filter(a -> a.status() == 200 && round(a) < ROUNDS_IN_STEP)
                .forEach(a -> winnersPerLockstepVersion.merge(a.expectedVersion(), 1L, Long::sum));
        assertThat(winnersPerLockstepVersion.values()).as("exactly one winner of the writers who read one version")
                .hasSize(ROUNDS_IN_STEP).containsOnly(1L);

        // the stream: sequence numbers 0..n-1, each once
        List<Long> sequences = jdbc.queryForList("select sequence_number from eventstore.domain_event_entry"
                + " where aggregate_identifier = ? order by sequence_number", Long.class, incidentId);
        long head = sequences.get(sequences.size() - 1);
        assertThat(sequences).as("contiguous from 0").isEqualTo(LongStream.rangeClosed(0, head).boxed().toList());

        // the winners' ranges (expected, answered] tile the stream after the report: no event without a winner
        List<Attempt> winners = attempts.stream().filter(a -> a.status() == 200)
                .sorted(Comparator.comparingLong(Attempt::expectedVersion)).toList();
        long covered = reportedVersion;
        for (Attempt winner : winners) {
            assertThat(winner.expectedVersion()).as("%s starts where the previous winner ended", winner.requestId())
                    .isEqualTo(covered);
            assertThat(winner.answeredVersion()).as(winner.requestId()).isGreaterThan(winner.expectedVersion());
            covered = winner.answeredVersion();
        }
        assertThat(covered).as("the last winner's version is the stream's head").isEqualTo(head);

        // the ledger: one event with the marker per winner, none per 409; the lookup no older than the answer
        // read through the event store: in the table the texts that carry the markers are encrypted
        Map<String, String> storedJson = new StoredEvents(eventStore, jsonMapper).jsonByEventId(incidentId);
        Map<String, String> eventIdByRequest = new HashMap<>();
        for (Attempt attempt : attempts) {
            List<String> marked = storedJson.entrySet().stream()
                    .filter(event -> event.getValue().contains(attempt.requestId())).map(Map.Entry::getKey).toList();
            ledger.events(attempt.requestId(), marked.size());
            if (marked.size() == 1) {
                eventIdByRequest.put(attempt.requestId(), marked.get(0));
            }
            if (attempt.status() == 200) {
                ledger.readModel(attempt.requestId(),
                        lookupAfterAnswer.get(attempt.requestId()) >= attempt.answeredVersion() ? 1 : 0);
            }
        }
        // the rest of a winner's range is what its command brings by design: the feedback task completed once
        List<String> otherTypes = jdbc.queryForList("select distinct payload_type from eventstore.domain_event_entry"
                        + " where aggregate_identifier = ? and sequence_number > ? and event_identifier <> all(?)",
                String.class, incidentId, reportedVersion, eventIdByRequest.values().toArray(String[]::new));
        assertThat(otherTypes).as("events besides the requests' own").containsOnly(
                "nl.veiligwerken.api.protocol.TaskCompletedEvent");

        // the published records: each feedback once (after de-duplication on ce_id), no amendment
        Set<String> feedbackEvents = new HashSet<>();
        attempts.stream().filter(a -> a.feedback() && a.status() == 200)
                .forEach(a -> feedbackEvents.add(eventIdByRequest.get(a.requestId())));
        Map<String, Integer> publishedByEventId = published(incidentId, feedbackEvents);
        for (Attempt attempt : attempts) {
            String eventId = eventIdByRequest.get(attempt.requestId());
            ledger.notifications(attempt.requestId(), eventId != null && publishedByEventId.containsKey(eventId) ? 1 : 0);
        }
        assertThat(ledger.violations()).as("the ledger of %d requests (%d succeeded, %d conflicts)", attempts.size(),
                ledger.succeeded(), ledger.count(409)).isEmpty();
        System.out.printf("TwoWritersIT: %d requests, %d succeeded, %d answered 409, %d events in the stream%n",
                attempts.size(), ledger.succeeded(), ledger.count(409), head + 1);
    }

    private static int round(Attempt attempt) {
        return Integer.parseInt(attempt.requestId().substring(6, 8));
    }

    /** The incident's records on the topic by {@code ce_id}, once every expected event id has arrived. */
    private Map<String, Integer> published(String incidentId, Set<String> expected) {
        Map<String, Integer> byEventId = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = CommandServiceIT.consumer(kafka.getBrokersAsString())) {
            consumer.subscribe(List.of("incident-events"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (incidentId.equals(r.key())) {
                        byEventId.merge(CommandServiceIT.headerOf(r, "ce_id"), 1, Integer::sum);
                    }
                }
                return byEventId.keySet().containsAll(expected);
            });
        }
        return byEventId;
    }

    private static String report(TeamId team, String description) {
        return """
                {"teamId":"%s","occurredAt":"2026-01-10T10:00","setting":"OFFICE","kinds":["THREAT"],
                 "severity":"MINOR","description":"%s","supportWanted":true}""".formatted(team.value(), description);
    }

    private HttpResponse<String> send(String username, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60));
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
