package nl.veiligwerken.command;

import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Deadlines on the real, persistent schedule: first support is due 3 seconds after a report here. */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "veilig-werken.protocol.first-support-due=PT3S",
        "veilig-werken.deadlines.polling-interval=200ms"})
@AutoConfigureMockMvc
@org.springframework.kafka.test.context.EmbeddedKafka(partitions = 1, topics = "incident-events")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@DirtiesContext
class DeadlinesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountDirectory directory;

    private long events(String incidentId, String type) {
        return jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregate_identifier = ? and payload_type = ?",
                Long.class, incidentId, type);
    }

    @Test
    void aTaskNotDoneInTimeBecomesOverdueFromTheStoredSchedule() throws Exception {
        String id = new CommandTestUsers(directory).report(mvc, "Dreigde");
        assertThat(jdbc.queryForObject(
                "select count(*) from command.scheduled_tasks where position(convert_to(?, 'UTF8') in task_data) > 0",
                Long.class, id)).as("the incident's deadline is stored, so a restart keeps it").isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> events(id, "nl.veiligwerken.api.protocol.TaskOverdueEvent") == 1);
    }

    @Test
    void aTaskDoneInTimeIsNeverOverdue() throws Exception {
        CommandTestUsers users = new CommandTestUsers(directory);
        VwUser leader = users.leader;
        String id = users.report(mvc, "Dreigde");
        String now = LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).truncatedTo(ChronoUnit.SECONDS).toString();
        mvc.perform(post("/api/incidents/" + id + "/first-support").with(user(leader))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedVersion\":1,\"offeredAt\":\"" + now + "\",\"response\":\"ACCEPTED\"}"))
                .andExpect(status().isOk());

        Thread.sleep(5000);
        assertThat(events(id, "nl.veiligwerken.api.protocol.TaskCompletedEvent")).isEqualTo(1);
        assertThat(events(id, "nl.veiligwerken.api.protocol.TaskOverdueEvent")).isZero();
    }
}
