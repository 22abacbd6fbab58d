package nl.veiligwerken.notifier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.directory.DirectoryEventType;
import nl.veiligwerken.notifier.recipients.Recipients;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.test.FreePorts;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notifier against real parts: an embedded Kafka (KRaft) broker, an embedded PostgreSQL and a GreenMail
 * SMTP server. Every test makes its own team and accounts, so the tests share one context and database.
 */
@SpringBootTest(properties = {
        "veilig-werken.notifier.mail.interval=200ms",
        "veilig-werken.notifier.mail.first-retry=300ms",
        "veilig-werken.notifier.mail.max-retry=1s",
        "veilig-werken.notifier.events.retry-interval=100ms",
        "veilig-werken.links.query=http://query.test",
        "spring.mail.host=127.0.0.1"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@EmbeddedKafka(topics = {PublishedEventType.TOPIC, AftercareNotifierIT.DLT}, partitions = 1,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class AftercareNotifierIT {

    static final String DLT = PublishedEventType.TOPIC + ".DLT";
    private static final String TASK_SCHEDULED = PublishedEventType.TASK_SCHEDULED.type();
    private static final String PASSWORD = "secret";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension greenMail = TestMailServer.smtpOn(SMTP_PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    Recipients recipients;

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void taskScheduledNotifiesTheTeamLeaderOnceByMailWithALinkAndNoIncidentDetails() throws Exception {
        Team team = team();
        String incidentId = UUID.randomUUID().toString();
        String taskId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        // the contract's JSON shape, written out: ids as plain strings, instants as ISO-8601, enums by name
        send(eventId, TASK_SCHEDULED, incidentId, """
                {"taskId":"%s","incidentId":"%s","teamId":"%s","step":"FIRST_SUPPORT","assigneeRole":"TEAM_LEADER",
                 "scheduledAt":"2025-06-02T12:30:00Z","dueAt":"2025-06-03T12:30:00Z"}""".formatted(taskId, incidentId, team.id));

        await().atMost(WAIT).until(() -> mailStatuses(eventId).equals(List.of("SENT")));
        Map<String, Object> row = jdbc().sql("select * from notifier.notification where source_event_id = ?")
                .param(eventId).query().singleRow();
        assertThat(row).containsEntry("recipient_username", team.leader)
                .containsEntry("recipient_email", team.leader + "@test.local")
                .containsEntry("kind", "TASK_SCHEDULED")
                .containsEntry("incident_id", incidentId)
                .containsEntry("task_id", taskId)
                .containsEntry("is_read", false)
                .containsEntry("mail_attempts", 1);
        assertThat(((java.sql.Timestamp) row.get("due_at")).toInstant()).isEqualTo(Instant.parse("2025-06-03T12:30:00Z"));

        List<MimeMessage> mails = mailsTo(team.leader);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Nieuwe taak: collegiale eerste opvang");
        String body = GreenMailUtil.getBody(mails.get(0));
        assertThat(body).contains("http://query.test/tasks?team=" + team.id)
                .contains("14:30")
                .doesNotContain(incidentId)
                .doesNotContain(taskId);
        assertThat(mailsTo(team.staff)).as("only leaders hear about tasks").isEmpty();

        mvc.perform(get("/api/notifications").with(httpBasic(team.leader, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].recipient").value(team.leader))
                .andExpect(jsonPath("$[0].taskId").value(taskId))
                .andExpect(jsonPath("$[0].incidentId").value(incidentId))
                .andExpect(jsonPath("$[0].dueAt").value("2025-06-03T12:30:00Z"))
                .andExpect(jsonPath("$[0].mailStatus").value("SENT"))
                .andExpect(jsonPath("$[0].read").value(false));
        mvc.perform(get("/api/notifications").param("recipient", team.leader).with(httpBasic(team.leader, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/notifications").param("recipient", team.leader).with(httpBasic(team.staff, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/notifications").with(httpBasic(team.staff, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));

        mvc.perform(get("/notifications").locale(Locale.forLanguageTag("nl"))
                        .with(user(accounts.find(team.leader).orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Nieuwe taak: collegiale eerste opvang")))
                // 12:30 UTC is 14:30 summer time in Amsterdam; the date's exact spelling is the JDK's Dutch locale data
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*3 jun[a-z.]* 2025,? 14:30.*")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("http://query.test/tasks?team=" + team.id)));
    }

    @Test
    void aRedeliveredEventCreatesNothingNew() throws Exception {
        Team team = team();
        String eventId = UUID.randomUUID().toString();
        String incidentId = UUID.randomUUID().toString();
        String value = taskScheduled(incidentId, team.id);
        send(eventId, TASK_SCHEDULED, incidentId, value);
        send(eventId, TASK_SCHEDULED, incidentId, value);
        // one partition, so once a later record is handled both copies before it have been as well
        Team other = team();
        String laterEventId = UUID.randomUUID().toString();
        send(laterEventId, TASK_SCHEDULED, incidentId, taskScheduled(incidentId, other.id));

        await().atMost(WAIT).until(() -> mailStatuses(laterEventId).equals(List.of("SENT")));
        await().atMost(WAIT).until(() -> mailStatuses(eventId).equals(List.of("SENT")));
        assertThat(mailStatuses(eventId)).hasSize(1);
        assertThat(jdbc().sql("select count(*) from notifier.processed_event where event_id = ?").param(eventId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(mailsTo(team.leader)).hasSize(1);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndLaterRecordsAreStillHandled() throws Exception {
        Team team = team();
        String incidentId = UUID.randomUUID().toString();
        String badJson = "bad-json-" + UUID.randomUUID();
        String noEventId = "no-ce-id-" + UUID.randomUUID();
        String notATask = "not-a-task-" + UUID.randomUUID();
        String poisonEventId = UUID.randomUUID().toString();
        send(poisonEventId, TASK_SCHEDULED, badJson, "{\"taskId\": oops");
        send(null, TASK_SCHEDULED, noEventId, taskScheduled(incidentId, team.id));
        send(UUID.randomUUID().toString(), TASK_SCHEDULED, notATask, "{\"taskId\":\"\",\"teamId\":\"" + team.id + "\"}");
        String goodEventId = UUID.randomUUID().toString();
        send(goodEventId, TASK_SCHEDULED, incidentId, taskScheduled(incidentId, team.id));

        await().atMost(WAIT).until(() -> mailStatuses(goodEventId).equals(List.of("SENT")));
        Map<String, ConsumerRecord<String, String>> dead = deadLetters(Set.of(badJson, noEventId, notATask));
        ConsumerRecord<String, String> poison = dead.get(badJson);
        assertThat(poison.value()).isEqualTo("{\"taskId\": oops");
        assertThat(header(poison, "ce_id")).as("original headers kept").isEqualTo(poisonEventId);
        assertThat(header(poison, "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo("nl.veiligwerken.notifier.events.UnreadableEventException");
        assertThat(header(poison, "kafka_dlt-original-topic")).isEqualTo(PublishedEventType.TOPIC);
        assertThat(jdbc().sql("select count(*) from notifier.processed_event where event_id = ?").param(poisonEventId)
                .query(Long.class).single()).isZero();
        assertThat(mailsTo(team.leader)).hasSize(1);
    }

    @Test
    void aMailWaitsWhileTheSmtpServerIsDownAndIsSentOnceItIsBack() throws Exception {
        Team team = team();
        String eventId = UUID.randomUUID().toString();
        String incidentId = UUID.randomUUID().toString();
        greenMail.stop();
        try {
            send(eventId, TASK_SCHEDULED, incidentId, taskScheduled(incidentId, team.id));

            await().atMost(WAIT).until(() -> jdbc()
                    .sql("select count(*) from notifier.notification where source_event_id = ? and mail_status = 'PENDING'"
                            + " and mail_attempts >= 2 and last_mail_error is not null")
                    .param(eventId).query(Long.class).single() == 1);
        } finally {
            greenMail.start();
        }

        await().atMost(WAIT).until(() -> mailStatuses(eventId).equals(List.of("SENT")));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> mailsTo(team.leader).size() == 1);
    }

    private record Team(String id, String leader, String staff) {
    }

    /**
     * A fresh team with one leader and one staff member; their password is {@value #PASSWORD}. Saved in the
     * directory (for signing in) and, as the command service would publish its outbox, sent on
     * {@code team-directory}, which is where the notifier learns whom to tell.
     */
    private Team team() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TeamId id = new TeamId("team-" + suffix);
        accounts.saveTeam(id, "Team " + suffix);
        String leader = "leader-" + suffix;
        String staff = "staff-" + suffix;
        accounts.saveAccount(leader, "Leider " + suffix, leader + "@test.local", "{noop}" + PASSWORD,
                Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(id), Set.of(id));
        accounts.saveAccount(staff, "Medewerker " + suffix, staff + "@test.local", "{noop}" + PASSWORD,
                Set.of(Role.STAFF), Set.of(id), Set.of());
        new DirectoryTopic(kafka, jdbc()).relayOutbox(DirectoryEventType.teamKey(id),
                DirectoryEventType.accountKey(leader), DirectoryEventType.accountKey(staff));
        await().atMost(WAIT).until(() -> recipients.person(staff).isPresent()
                && recipients.leadersOf(id).stream().map(Recipients.Recipient::username).toList().equals(List.of(leader)));
        return new Team(id.value(), leader, staff);
    }

    private static String taskScheduled(String incidentId, String teamId) {
        return """
                {"taskId":"%s","incidentId":"%s","teamId":"%s","step":"FIRST_SUPPORT","assigneeRole":"TEAM_LEADER",
                 "scheduledAt":"2025-06-02T12:30:00Z","dueAt":"2025-06-03T12:30:00Z"}"""
                .formatted(UUID.randomUUID(), incidentId, teamId);
    }

    private void send(String eventId, String type, String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(PublishedEventType.TOPIC, key, value);
        if (eventId != null) {
            record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", PublishedEventType.SOURCE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get(10, TimeUnit.SECONDS);
    }

    private List<String> mailStatuses(String eventId) {
        return jdbc().sql("select mail_status from notifier.notification where source_event_id = ?")
                .param(eventId).query(String.class).list();
    }

    private static List<MimeMessage> mailsTo(String username) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(username + "@test.local"))) {
                found.add(message);
            }
        }
        return found;
    }

    private Map<String, ConsumerRecord<String, String>> deadLetters(Set<String> keys) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(DLT));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        found.put(record.key(), record);
                    }
                }
                return found.keySet().containsAll(keys);
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
