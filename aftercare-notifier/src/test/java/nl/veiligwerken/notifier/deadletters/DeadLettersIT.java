package nl.veiligwerken.notifier.deadletters;

import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.notifier.DirectoryTopic;
import nl.veiligwerken.platform.test.InertMarkup;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.test.FreePorts;
import nl.veiligwerken.platform.test.OwnTestDatabase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dead-letter page against a real broker (embedded Kafka) and PostgreSQL: a record the notifier cannot read
 * is dead-lettered and kept, the stream goes on, and the administrator offers it again, once. A database of its
 * own: the dead-letter rows are keyed by their DLT offsets, which another test class's broker repeats.
 */
@SpringBootTest(properties = {
        "veilig-werken.notifier.mail.interval=1h",
        "veilig-werken.notifier.digest.check=1h",
        "veilig-werken.notifier.events.retry-interval=50ms",
        "spring.mail.host=127.0.0.1"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = DeadLettersIT.OwnDatabase.class)
@EmbeddedKafka(topics = {PublishedEventType.TOPIC, DeadLetterListener.TOPIC}, partitions = 1,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DeadLettersIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TASK_SCHEDULED = PublishedEventType.TASK_SCHEDULED.type();

    /** No SMTP server in this test: mails are not what it is about. */
    @DynamicPropertySource
    static void noSmtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", FreePorts::next);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    DataSource dataSource;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aPoisonRecordIsKeptShownToTheAdministratorAndOfferedAgainOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        VwUser admin = account("admin-" + suffix, Role.ADMIN);
        VwUser staff = account("staff-" + suffix, Role.STAFF);
        String poisonId = UUID.randomUUID().toString();
        String poison = "{\"taskId\": oops, this is not JSON and ends with PERSONAL-DATA-" + suffix;
        send(poisonId, "incident-" + suffix, poison);
        String goodId = UUID.randomUUID().toString();
        send(goodId, "incident-" + suffix, """
                {"taskId":"%s","incidentId":"incident-%s","teamId":"team-%s","step":"FIRST_SUPPORT",
                 "assigneeRole":"TEAM_LEADER","scheduledAt":"2025-06-02T12:30:00Z","dueAt":"2025-06-03T12:30:00Z"}"""
                .formatted(UUID.randomUUID(), suffix, suffix));

        await().atMost(WAIT).until(() -> rows(poisonId).size() == 1);
        await().atMost(WAIT).until(() -> jdbc().sql("select count(*) from notifier.processed_event where event_id = ?")
                .param(goodId).query(Long.class).single() == 1);
        Map<String, Object> row = rows(poisonId).get(0);
        assertThat(row).containsEntry("original_topic", PublishedEventType.TOPIC)
                .containsEntry("event_type", TASK_SCHEDULED)
                .containsEntry("record_key", "incident-" + suffix);
        assertThat((String) row.get("failure")).startsWith("UnreadableEventException");
        assertThat(new String((byte[]) row.get("record_value"), StandardCharsets.UTF_8)).isEqualTo(poison);
        long id = (Long) row.get("id");

        mvc.perform(get("/admin/dead-letters").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(poisonId)))
                .andExpect(content().string(containsString("UnreadableEventException")))
                .andExpect(content().string(containsString(poison.getBytes(StandardCharsets.UTF_8).length + " bytes")))
                .andExpect(content().string(containsString("/admin/dead-letters/" + id + "/retry")))
                .andExpect(content().string(not(containsString("PERSONAL-DATA"))));
        mvc.perform(get("/admin/dead-letters").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/dead-letters").with(httpBasic(staff.getUsername(), "secret")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/dead-letters/" + id + "/retry").with(httpBasic(staff.getUsername(), "secret")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/dead-letters").with(httpBasic(admin.getUsername(), "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].eventId").value(poisonId))
                .andExpect(content().string(not(containsString("PERSONAL-DATA"))));
        mvc.perform(post("/admin/dead-letters/" + id + "/retry").with(user(admin)))
                .andExpect(status().isForbidden()); // no CSRF token

        mvc.perform(post("/api/admin/dead-letters/" + id + "/retry").with(httpBasic(admin.getUsername(), "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retriedBy").value(admin.getUsername()))
                .andExpect(jsonPath("$.retriedAt").isNotEmpty());

        // republished with its headers, so it fails the same way and comes back as a new row
        await().atMost(WAIT).until(() -> rows(poisonId).size() == 2);
        List<Map<String, Object>> both = rows(poisonId);
        assertThat(both.get(0)).containsEntry("id", id).containsEntry("retried_by", admin.getUsername());
        assertThat(both.get(1).get("retried_at")).isNull();
        assertThat(new String((byte[]) both.get(1).get("record_value"), StandardCharsets.UTF_8)).isEqualTo(poison);

        mvc.perform(post("/api/admin/dead-letters/" + id + "/retry").with(httpBasic(admin.getUsername(), "secret")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/admin/dead-letters/" + id + "/retry").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/dead-letters"))
                .andExpect(flash().attribute("outcome", "ALREADY_RETRIED"));
        mvc.perform(post("/api/admin/dead-letters/999999999/retry").with(httpBasic(admin.getUsername(), "secret")))
                .andExpect(status().isNotFound());
    }

    /**
     * The listener takes a poll's records as one batch in one transaction. An unreadable record in the middle of
     * it fails that transaction; the records before it are then kept (once), it alone is dead-lettered, and the
     * ones after it come again and are kept once too, a redelivered one among them changing nothing.
     */
    @Test
    void anUnreadableRecordInTheMiddleOfABatchIsDeadLetteredAloneAndTheOthersAreKeptOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TeamId team = new TeamId("team-batch-" + suffix);
        String leader = "leader-" + suffix;
        accounts.saveTeam(team, "Team " + suffix);
        accounts.saveAccount(leader, "Leider " + suffix, leader + "@test.local", "{noop}secret",
                Set.of(Role.TEAM_LEADER), Set.of(team), Set.of(team));
        new DirectoryTopic(kafka, jdbc()).tellNotifier(leader);
        MessageListenerContainer incidents = listeners.getListenerContainer("aftercare-notifier");
        await().atMost(WAIT).until(() -> incidents != null && incidents.isRunning());

        // held back, so that the records arrive in one poll, as one batch
        incidents.pause();
        await().atMost(WAIT).until(incidents::isContainerPaused);
        String incident = "incident-" + suffix;
        String reportedAt = "2025-06-02T12:30:00Z";
        String reported = UUID.randomUUID().toString();
        send(reported, PublishedEventType.INCIDENT_REPORTED.type(), incident, """
                {"incidentId":"%s","teamId":"%s","reportedBy":"someone","reportedAt":"%s","occurredAt":"2025-06-02T11:00:00Z",
                 "setting":"OFFICE","kinds":["THREAT"],"severity":"MINOR","supportWanted":true}"""
                .formatted(incident, team.value(), reportedAt));
        String firstTask = UUID.randomUUID().toString();
        String firstTaskValue = task(incident, team, "FIRST_SUPPORT", reportedAt);
        send(firstTask, TASK_SCHEDULED, incident, firstTaskValue);
        String poisonId = UUID.randomUUID().toString();
        send(poisonId, TASK_SCHEDULED, incident, "{\"taskId\": not JSON");
        String secondTask = UUID.randomUUID().toString();
        send(secondTask, TASK_SCHEDULED, incident, task(incident, team, "AGGRESSOR_RESPONSE", reportedAt));
        // the publisher sending the first task again (a batch of its own retried): the same ce_id
        send(firstTask, TASK_SCHEDULED, incident, firstTaskValue);
        String afterwards = UUID.randomUUID().toString();
        send(afterwards, TASK_SCHEDULED, incident, task(incident, team, "FEEDBACK", "2025-06-03T08:00:00Z"));
        incidents.resume();

        await().atMost(WAIT).until(() -> rows(poisonId).size() == 1);
        await().atMost(WAIT).until(() -> jdbc().sql("select count(*) from notifier.processed_event where event_id = ?")
                .param(afterwards).query(Long.class).single() == 1);
        assertThat(jdbc().sql("select event_id from notifier.processed_event where event_id in (?, ?, ?, ?, ?)")
                .params(reported, firstTask, poisonId, secondTask, afterwards).query(String.class).list())
                .containsExactlyInAnyOrder(reported, firstTask, secondTask, afterwards);
        // the report's two tasks counted once each in its notification, not again for the redelivery or the retry;
        // the task planned later is a notification of its own
        assertThat(jdbc().sql("""
                        select kind || ' tasks=' || task_count from notifier.notification
                         where recipient_username = ? order by id""")
                .param(leader).query(String.class).list())
                .containsExactly("NEW_INCIDENT tasks=2", "TASK_SCHEDULED tasks=0");
        assertThat((String) rows(poisonId).get(0).get("failure")).startsWith("UnreadableEventException");
        assertThat(jdbc().sql("select count(*) from notifier.dead_letter where record_key = ?").param(incident)
                .query(Long.class).single()).as("only the unreadable record").isEqualTo(1);
    }

    private static String task(String incident, TeamId team, String step, String scheduledAt) {
        return """
                {"taskId":"%s:%s","incidentId":"%s","teamId":"%s","step":"%s","assigneeRole":"TEAM_LEADER",
                 "assignee":null,"scheduledAt":"%s","dueAt":"2025-06-20T12:30:00Z"}"""
                .formatted(incident, step, incident, team.value(), step, scheduledAt);
    }

    private VwUser account(String username, Role role) {
        TeamId team = new TeamId("team-" + username);
        accounts.saveTeam(team, "Team " + username);
        accounts.saveAccount(username, "Naam " + username, username + "@test.local", "{noop}secret", Set.of(role),
                Set.of(team), Set.of());
        return accounts.find(username).orElseThrow();
    }

    @Test
    void aPayloadInARecordIsShownAsTextOnTheDeadLetterPage() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        VwUser admin = account("admin-" + suffix, Role.ADMIN);
        String poisonId = UUID.randomUUID().toString();
        String key = "\"><svg onload=alert(1)>" + suffix;
        send(poisonId, key, InertMarkup.PAYLOAD);
        await().atMost(WAIT).until(() -> rows(poisonId).size() == 1);

        String page = mvc.perform(get("/admin/dead-letters").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // the value's first characters, and the key, as text
        InertMarkup.assertShownInert("dead letters", page, InertMarkup.PAYLOAD.substring(0, 40));
        assertThat(page).contains(InertMarkup.escaped(key));
    }

    private void send(String eventId, String key, String value) throws Exception {
        send(eventId, TASK_SCHEDULED, key, value);
    }

    private void send(String eventId, String type, String key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(PublishedEventType.TOPIC, key, value);
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", PublishedEventType.SOURCE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get(10, TimeUnit.SECONDS);
    }

    private List<Map<String, Object>> rows(String eventId) {
        return jdbc().sql("select * from notifier.dead_letter where event_id = ? order by id").param(eventId)
                .query().listOfRows();
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    static class OwnDatabase extends OwnTestDatabase {
        @Override
        protected String name() {
            return "dead_letters";
        }
    }
}
