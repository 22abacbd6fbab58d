package nl.veiligwerken.command;

import com.jayway.jsonpath.JsonPath;
import nl.veiligwerken.platform.security.AccountDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deadlines on the real, persistent schedule. The service's clock runs 24 hours minus 3 seconds behind, so
 * first support (due 24 hours after the report) falls due 3 seconds after a report made now.
 */
@CommandServiceIntegrationTest
@TestPropertySource(properties = "veilig-werken.deadlines.polling-interval=200ms")
class DeadlinesIT {

    static final Duration BEHIND = Duration.ofHours(24).minusSeconds(3);

    @TestConfiguration
    static class ClockBehind {
        @Bean
        Clock clock() {
            return Clock.offset(Clock.systemUTC(), BEHIND.negated());
        }
    }

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
                Long.class, id)).as("every task of the incident has its deadline stored, so a restart keeps it")
                .isEqualTo(3);

        await().atMost(Duration.ofSeconds(20)).until(() -> events(id, "nl.veiligwerken.api.protocol.TaskOverdueEvent") == 1);
        Thread.sleep(1000);
        assertThat(events(id, "nl.veiligwerken.api.protocol.TaskOverdueEvent"))
                .as("only first support is due yet; the aftercare talk and feedback are days away").isEqualTo(1);
    }

    @Test
    void aTaskDoneInTimeIsNeverOverdue() throws Exception {
        CommandTestUsers users = new CommandTestUsers(directory);
        String id = users.report(mvc, "Dreigde");
        long version = ((Number) JsonPath.read(mvc.perform(get("/api/incidents/" + id + "/version").with(user(users.leader)))
                .andReturn().getResponse().getContentAsString(), "$.version")).longValue();
        String serviceNow = LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).minus(BEHIND)
                .truncatedTo(ChronoUnit.SECONDS).toString();
        mvc.perform(post("/api/incidents/" + id + "/first-support").with(user(users.leader))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedVersion\":" + version + ",\"offeredAt\":\"" + serviceNow + "\",\"response\":\"ACCEPTED\"}"))
                .andExpect(status().isOk());

        Thread.sleep(5000);
        assertThat(events(id, "nl.veiligwerken.api.protocol.TaskCompletedEvent")).isEqualTo(1);
        assertThat(events(id, "nl.veiligwerken.api.protocol.TaskOverdueEvent")).isZero();
    }
}
