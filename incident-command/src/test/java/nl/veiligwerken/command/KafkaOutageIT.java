package nl.veiligwerken.command;

import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.test.FreePorts;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event store is the outbox: while Kafka is down, reports are still accepted, and once the broker is
 * back every one of them is published. The same for the team directory's own outbox.
 */
@SpringBootTest(properties = {"veilig-werken.publishing.ack-timeout=3s",
        "veilig-werken.directory-publishing.ack-timeout=3s", "veilig-werken.directory-publishing.max-retry=2s"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@DirtiesContext
class KafkaOutageIT {

    private static final int KAFKA_PORT = FreePorts.next();
    private static EmbeddedKafkaKraftBroker broker;

    @DynamicPropertySource
    static void kafkaThatIsNotThereYet(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountDirectory directory;

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void reportsAreAcceptedWhileKafkaIsDownAndPublishedWhenItIsBack() throws Exception {
        CommandTestUsers users = new CommandTestUsers(directory);
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            reported.add(users.report(mvc, "Tijdens storing " + i));
        }

        long lastEvent = jdbc.queryForObject("select max(global_index) from eventstore.domain_event_entry", Long.class);
        Thread.sleep(4000);
        assertThat(jdbc.queryForObject("select count(*) from command.token_entry where processor_name = 'kafka-publisher'",
                Long.class)).as("the publisher is running and has claimed its segment").isPositive();
        assertThat(publisherPosition()).as("the publisher must not move past events Kafka did not acknowledge")
                .isLessThan(lastEvent);
        String teamKey = "team:" + users.team.value();
        assertThat(jdbc.queryForObject("select count(*) from identity.directory_outbox where event_key = ? and published_at is null",
                Long.class, teamKey)).as("the directory change waits in its outbox").isEqualTo(1);

        // no topics of its own: the publisher retrying against the fixed port makes the broker create the topic
        // the moment it listens, and a second creation by the test broker would fail with "already exists"
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0,DEV://127.0.0.1:" + KAFKA_PORT,
                "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,DEV:PLAINTEXT",
                "auto.create.topics.enable", "true"));
        broker.afterPropertiesSet();

        Set<String> published = new HashSet<>();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = CommandServiceIT.consumer("127.0.0.1:" + KAFKA_PORT)) {
            consumer.subscribe(List.of("incident-events", "team-directory"));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    records.add(r);
                    published.add(r.key());
                });
                return published.containsAll(reported) && published.contains(teamKey);
            });
        }
        // at least once: a batch whose acknowledgement came too late is sent again
        assertThat(records).filteredOn(r -> teamKey.equals(r.key())).isNotEmpty().allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("team-directory");
            assertThat(CommandServiceIT.headerOf(r, "ce_type")).isEqualTo("nl.veiligwerken.directory.team-saved.v1");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from identity.directory_outbox where event_key = ? and published_at is null", Long.class, teamKey) == 0);
        assertThat(records).filteredOn(r -> reported.contains(r.key()))
                .extracting(r -> CommandServiceIT.headerOf(r, "ce_type"))
                .contains("nl.veiligwerken.incident.reported.v1", "nl.veiligwerken.incident.task-scheduled.v1");
        await().atMost(Duration.ofSeconds(10)).until(() -> publisherPosition() >= lastEvent);
    }

    /** The global index the Kafka publisher's token has reached (-1 before its first event). */
    private long publisherPosition() {
        List<String> tokens = jdbc.queryForList(
                "select convert_from(token, 'UTF8') from command.token_entry where processor_name = 'kafka-publisher' and token is not null",
                String.class);
        Matcher m = tokens.isEmpty() ? null : Pattern.compile("\"(?:globalIndex|index)\"\\s*:\\s*(\\d+)").matcher(tokens.get(0));
        return m != null && m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
