package nl.veiligwerken.notifier;

import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.test.FreePorts;
import nl.veiligwerken.platform.test.OwnTestDatabase;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast the notifier works off a backlog of {@code incident-events}, as the command service publishes it: per
 * report an {@code incident.reported} and four {@code task-scheduled} records (three of them folded into the
 * leaders' new-incident notification, one for the prevention officer), keyed by incident, on three partitions.
 * The listener is paused while the backlog is sent, then resumed; the time until every record is processed is
 * printed, and the CPU time it took in the listener's consumer threads and in PostgreSQL's processes (less
 * dependent on what else the machine does than the time). A measurement, not part of the suite: it runs only when asked for, with the number of reports,
 * {@code -Dnotifier.throughput=2000} (see docs/performance.md, "Notifier throughput"). It asserts what was stored
 * (each leader one new-incident notification per report, nothing twice), never how fast.
 */
@SpringBootTest(properties = {
        "veilig-werken.notifier.mail.interval=1h",
        "veilig-werken.notifier.digest.check=1h",
        "veilig-werken.notifier.reminders.interval=1h",
        // the local run's pool (LocalSystem: DB_POOL_SIZE=5)
        "spring.datasource.hikari.maximum-pool-size=5",
        "logging.level.nl.veiligwerken.notifier=INFO",
        "spring.mail.host=127.0.0.1"})
@ContextConfiguration(initializers = NotifierThroughputIT.OwnDatabase.class)
@EmbeddedKafka(topics = PublishedEventType.TOPIC, partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@EnabledIfSystemProperty(named = "notifier.throughput", matches = "\\d+")
class NotifierThroughputIT {

    private static final int TASKS_PER_REPORT = 4;

    @DynamicPropertySource
    static void noSmtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", FreePorts::next);
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    KafkaListenerEndpointRegistry registry;
    @Autowired
    DataSource dataSource;

    @Test
    void worksOffABacklogOfReports() throws Exception {
        int reports = Integer.parseInt(System.getProperty("notifier.throughput"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TeamId team = new TeamId("team-" + suffix);
        accounts.saveTeam(team, "Team " + suffix);
        List<String> people = List.of("leader-" + suffix, "leader2-" + suffix, "officer-" + suffix);
        accounts.saveAccount(people.get(0), "Leider", people.get(0) + "@test.local", "{noop}x",
                Set.of(Role.TEAM_LEADER), Set.of(team), Set.of(team));
        accounts.saveAccount(people.get(1), "Tweede leider", people.get(1) + "@test.local", "{noop}x",
                Set.of(Role.TEAM_LEADER), Set.of(team), Set.of(team));
        accounts.saveAccount(people.get(2), "Preventie", people.get(2) + "@test.local", "{noop}x",
                Set.of(Role.PREVENTION_OFFICER), Set.of(), Set.of());
        new DirectoryTopic(kafka, jdbc()).tellNotifier(people.toArray(String[]::new));

        MessageListenerContainer container = registry.getListenerContainer("aftercare-notifier");
        await().atMost(Duration.ofSeconds(60)).until(() -> container != null && container.isRunning());

        round("warm-up", Math.max(50, reports / 5), team, container);
        double perSecond = round("measured", reports, team, container);

        long expected = (long) (Math.max(50, reports / 5) + reports);
        for (String leader : people.subList(0, 2)) {
            assertThat(jdbc().sql("""
                            select count(*), count(distinct incident_id), min(task_count), max(task_count)
                              from notifier.notification where recipient_username = ? and kind = 'NEW_INCIDENT'""")
                    .param(leader).query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                    .single()).as(leader).containsExactly(expected, expected, 3L, 3L);
        }
        assertThat(jdbc().sql("select count(*) from notifier.notification where recipient_username = ?")
                .param(people.get(2)).query(Long.class).single()).isEqualTo(expected);
        assertThat(perSecond).isPositive();
    }

    /** Sends the backlog with the listener paused, resumes it and prints how fast it was worked off. */
    private double round(String name, int reports, TeamId team, MessageListenerContainer container) throws Exception {
        container.pause();
        await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
        String prefix = "bench-" + UUID.randomUUID() + "-";
        List<CompletableFuture<?>> sends = new ArrayList<>();
        Instant reportedAt = Instant.parse("2031-01-06T09:00:00.123456Z");
        for (int i = 0; i < reports; i++) {
            String incident = UUID.randomUUID().toString();
            sends.add(send(prefix + i + "-r", PublishedEventType.INCIDENT_REPORTED, incident, """
                    {"incidentId":"%s","teamId":"%s","reportedBy":"someone","reportedAt":"%s","occurredAt":"2031-01-06T08:00:00Z",
                     "setting":"OFFICE","kinds":["THREAT"],"severity":"MINOR","supportWanted":true}"""
                    .formatted(incident, team.value(), reportedAt)));
            String[][] tasks = {{"FIRST_SUPPORT", "TEAM_LEADER"}, {"AGGRESSOR_RESPONSE", "TEAM_LEADER"},
                    {"FEEDBACK", "TEAM_LEADER"}, {"INCIDENT_ANALYSIS", "PREVENTION_OFFICER"}};
            for (int t = 0; t < TASKS_PER_REPORT; t++) {
                sends.add(send(prefix + i + "-t" + t, PublishedEventType.TASK_SCHEDULED, incident, """
                        {"taskId":"%s:%s","incidentId":"%s","teamId":"%s","step":"%s","assigneeRole":"%s","assignee":null,
                         "scheduledAt":"%s","dueAt":"2031-01-20T09:00:00Z"}"""
                        .formatted(incident, tasks[t][0], incident, team.value(), tasks[t][0], tasks[t][1], reportedAt)));
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        int records = reports * (1 + TASKS_PER_REPORT);

        long start = System.nanoTime();
        long listenerCpu = listenerCpuNanos();
        long postgresCpu = postgresCpuTicks();
        container.resume();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc()
                .sql("select count(*) from notifier.processed_event where event_id like ?").param(prefix + "%")
                .query(Long.class).single() == records);
        double seconds = (System.nanoTime() - start) / 1e9;
        double listenerMs = (listenerCpuNanos() - listenerCpu) / 1e6;
        double postgresMs = (postgresCpuTicks() - postgresCpu) * 10.0; // USER_HZ = 100
        double perSecond = records / seconds;
        System.out.printf("%nNOTIFIER THROUGHPUT %s: %d reports = %d records in %.2f s: %.0f records/s = %.1f reports/s;"
                        + " CPU per record: listener %.2f ms, PostgreSQL %.2f ms%n%n",
                name, reports, records, seconds, perSecond, reports / seconds, listenerMs / records, postgresMs / records);
        return perSecond;
    }

    /** CPU time of the incident listener's consumer threads ({@code aftercare-notifier-<n>-C-<n>}). */
    private static long listenerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().matches("aftercare-notifier-\\d+-C-\\d+")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** User and system CPU of the embedded PostgreSQL's processes (its postmaster and children), in clock ticks. */
    private static long postgresCpuTicks() {
        String port = "-p " + PostgresTestDatabase.postgres().getPort() + " ";
        List<ProcessHandle> postmasters = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("bin/postgres") && c.contains(port)).orElse(false))
                .toList();
        return postmasters.stream().flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p),
                p.children())).mapToLong(p -> {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0; // gone, or not on Linux
            }
        }).sum();
    }

    private CompletableFuture<?> send(String eventId, PublishedEventType type, String incident, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(PublishedEventType.TOPIC, incident, value);
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", PublishedEventType.SOURCE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_subject", incident.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return kafka.send(record);
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    static class OwnDatabase extends OwnTestDatabase {
        @Override
        protected String name() {
            return "notifier_throughput";
        }
    }
}
