package nl.veiligwerken.command;

import com.jayway.jsonpath.JsonPath;
import nl.veiligwerken.command.deadlines.IndexedDeadlineManager;
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
    @Autowired
    IndexedDeadlineManager deadlineManager;

    /** The incident's deadlines: db-scheduler's tasks, and the index rows that point at them. */
    private long tasksOf(String incidentId) {
        return jdbc.queryForObject("select count(*) from command.scheduled_tasks where position(convert_to(?, 'UTF8') in task_data) > 0",
                Long.class, incidentId);
    }

    private long indexedOf(String incidentId) {
        return jdbc.queryForObject("""
                select count(*) from command.deadline_index i
                  join command.scheduled_tasks t on t.task_name = 'AxonDeadline' and t.task_instance = i.schedule_id
                 where position(convert_to(?, 'UTF8') in i.scope) > 0""", Long.class, incidentId);
    }

    private long indexRowsOf(String incidentId) {
        return jdbc.queryForObject("select count(*) from command.deadline_index where position(convert_to(?, 'UTF8') in scope) > 0",
                Long.class, incidentId);
    }

    private void firstSupportOffered(CommandTestUsers users, String id) throws Exception {
        long version = ((Number) JsonPath.read(mvc.perform(get("/api/incidents/" + id + "/version").with(user(users.leader)))
                .andReturn().getResponse().getContentAsString(), "$.version")).longValue();
        String serviceNow = LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).minus(BEHIND)
                .truncatedTo(ChronoUnit.SECONDS).toString();
        mvc.perform(post("/api/incidents/" + id + "/first-support").with(user(users.leader))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedVersion\":" + version + ",\"offeredAt\":\"" + serviceNow + "\",\"response\":\"ACCEPTED\"}"))
                .andExpect(status().isOk());
    }

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

        assertThat(tasksOf(id)).as("the fired deadline's task is gone").isEqualTo(2);
        assertThat(indexRowsOf(id)).as("its index row stays until the upkeep").isEqualTo(3);
        deadlineManager.forgetFired();
        assertThat(indexRowsOf(id)).as("the upkeep removes the row of the deadline that fired, and only that").isEqualTo(2);
        assertThat(indexedOf(id)).isEqualTo(2);
    }

    @Test
    void aTaskDoneInTimeIsNeverOverdue() throws Exception {
        CommandTestUsers users = new CommandTestUsers(directory);
        String id = users.report(mvc, "Dreigde");
        firstSupportOffered(users, id);

        Thread.sleep(5000);
        assertThat(events(id, "nl.veiligwerken.api.protocol.TaskCompletedEvent")).isEqualTo(1);
        assertThat(events(id, "nl.veiligwerken.api.protocol.TaskOverdueEvent")).isZero();
    }

    @Test
    void aStepDoneCancelsItsOwnDeadlineThroughTheIndexAndNoOtherIncidentsOne() throws Exception {
        CommandTestUsers users = new CommandTestUsers(directory);
        String done = users.report(mvc, "Schold");
        String other = users.report(mvc, "Schold ook");
        assertThat(indexedOf(done)).as("every scheduled deadline has its index row").isEqualTo(3);
        assertThat(indexedOf(other)).isEqualTo(3);

        firstSupportOffered(users, done);

        assertThat(tasksOf(done)).as("first support's deadline is cancelled with the step").isEqualTo(2);
        assertThat(indexRowsOf(done)).as("and its index row with it").isEqualTo(2);
        assertThat(indexedOf(done)).isEqualTo(2);
        assertThat(tasksOf(other)).as("the other incident's deadlines are untouched").isEqualTo(3);
        assertThat(indexedOf(other)).isEqualTo(3);
    }

    @Test
    void aStepDoneWhileItsDeadlineIsFiringIsTakenAndLeavesTheFiringDeadlineToFinish() throws Exception {
        CommandTestUsers users = new CommandTestUsers(directory);
        String id = users.report(mvc, "Gooide met een kopje");
        // as db-scheduler marks a deadline it is executing: cancelling that one is refused, so it must not be tried
        int picked = jdbc.update("""
                update command.scheduled_tasks set picked = true, picked_by = 'another-instance', last_heartbeat = now()
                 where position(convert_to(?, 'UTF8') in task_data) > 0
                   and position(convert_to('task-due-FIRST_SUPPORT', 'UTF8') in task_data) > 0""", id);
        assertThat(picked).isEqualTo(1);

        firstSupportOffered(users, id); // 200, not a 500 from the scheduler's refusal

        assertThat(tasksOf(id)).as("the firing deadline stays for its execution to finish; its handler finds the step done")
                .isEqualTo(3);
        assertThat(indexRowsOf(id)).as("its index row is gone with the cancellation").isEqualTo(2);
        jdbc.update("delete from command.scheduled_tasks where picked_by = 'another-instance'");
    }

    @Test
    void deadlinesScheduledBeforeTheIndexExistedAreIndexedAtStartAndCancelledAsTheOthers() throws Exception {
        CommandTestUsers users = new CommandTestUsers(directory);
        String id = users.report(mvc, "Sloeg met de deur");
        jdbc.update("delete from command.deadline_index where position(convert_to(?, 'UTF8') in scope) > 0", id);
        assertThat(indexedOf(id)).isZero();

        deadlineManager.indexUnindexed(); // what the service does at start

        assertThat(indexedOf(id)).as("the older deadlines are found in the schedule and indexed").isEqualTo(3);
        firstSupportOffered(users, id);
        assertThat(tasksOf(id)).as("so cancelling finds them").isEqualTo(2);
    }
}
