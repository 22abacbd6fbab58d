package nl.veiligwerken.command;

import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.RecordAftercareTalkCommand;
import nl.veiligwerken.api.feedback.GiveFeedbackCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** First support, closing and reopening, by page and by API, on a real event store. */
@CommandServiceIntegrationTest
class IncidentStepsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountDirectory directory;
    @Autowired
    CommandGateway commands;

    CommandTestUsers users;
    VwUser leader;
    VwUser otherLeader;

    @BeforeEach
    void setUp() {
        users = new CommandTestUsers(directory);
        leader = users.leader;
        otherLeader = users.otherLeader;
    }

    private long version(String id) {
        return jdbc.queryForObject("select version from command.incident_lookup where incident_id = ?", Long.class, id);
    }

    private String report() throws Exception {
        return users.report(mvc, "Dreigde");
    }

    private static String firstSupport(long expectedVersion, String response) {
        return """
                {"expectedVersion":%d,"offeredAt":"2026-01-10T11:00","response":"%s"}""".formatted(expectedVersion, response);
    }

    @Test
    void theTeamLeaderRecordsFirstSupportAndItsTaskIsDone() throws Exception {
        String id = report();
        mvc.perform(post("/api/incidents/" + id + "/first-support").with(user(leader))
                        .contentType(MediaType.APPLICATION_JSON).content(firstSupport(3, "ACCEPTED")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(5));
        List<String> types = jdbc.queryForList(
                "select payload_type from eventstore.domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, id);
        assertThat(types).containsExactly("nl.veiligwerken.api.reporting.IncidentReportedEvent",
                "nl.veiligwerken.api.protocol.TaskScheduledEvent",
                "nl.veiligwerken.api.protocol.TaskScheduledEvent",
                "nl.veiligwerken.api.protocol.TaskScheduledEvent",
                "nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent",
                "nl.veiligwerken.api.protocol.TaskCompletedEvent");
        assertThat(version(id)).isEqualTo(5);
    }

    @Test
    void twoLeadersActingOnTheSameVersionLoseNothingAndTheSecondHearsItChanged() throws Exception {
        String id = report();
        mvc.perform(post("/api/incidents/" + id + "/first-support").with(user(leader))
                        .contentType(MediaType.APPLICATION_JSON).content(firstSupport(3, "ACCEPTED")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/incidents/" + id + "/first-support").with(user(leader))
                        .contentType(MediaType.APPLICATION_JSON).content(firstSupport(3, "DECLINED")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("intussen door iemand anders gewijzigd")));
        assertThat(jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, id)).isEqualTo(6);
    }

    @Test
    void recordingItAgainOnTheCurrentVersionIsAConflictWithTheReason() throws Exception {
        String id = report();
        mvc.perform(post("/api/incidents/" + id + "/first-support").with(user(leader))
                .contentType(MediaType.APPLICATION_JSON).content(firstSupport(3, "ACCEPTED"))).andExpect(status().isOk());
        mvc.perform(post("/api/incidents/" + id + "/first-support").with(user(leader))
                        .contentType(MediaType.APPLICATION_JSON).content(firstSupport(5, "ACCEPTED")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("De eerste opvang is voor deze melding al vastgelegd."));
    }

    @Test
    void onlyTheLeaderOfTheIncidentsTeamMayRecordIt() throws Exception {
        String id = report();
        mvc.perform(post("/api/incidents/" + id + "/first-support").with(user(otherLeader))
                        .contentType(MediaType.APPLICATION_JSON).content(firstSupport(1, "ACCEPTED")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/incidents/" + id + "/first-support").with(user(users.staff))
                        .contentType(MediaType.APPLICATION_JSON).content(firstSupport(3, "ACCEPTED")))
                .andExpect(status().isForbidden());
        // the team opens the page (an assigned peer supporter records there); whether one may record it, the
        // incident decides
        mvc.perform(get("/incidents/" + id + "/first-support").with(user(otherLeader)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/incidents/" + id + "/first-support").with(user(users.staff)).with(csrf())
                        .param("expectedVersion", "3").param("offeredAt", "2026-01-10T11:00").param("response", "DECLINED"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownIncidentIsNotFoundAndMissingFieldsAreNamed() throws Exception {
        mvc.perform(post("/api/incidents/no-such-incident/first-support").with(user(leader))
                        .contentType(MediaType.APPLICATION_JSON).content(firstSupport(1, "ACCEPTED")))
                .andExpect(status().isNotFound());
        String id = report();
        mvc.perform(post("/api/incidents/" + id + "/first-support").with(user(leader))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("expectedVersion", "offeredAt", "response")));
    }

    @Test
    void theFormRecordsItAndReturnsToTheTaskList() throws Exception {
        String id = report();
        mvc.perform(get("/incidents/" + id + "/first-support").with(user(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Collegiale eerste opvang")))
                .andExpect(content().string(containsString("name=\"expectedVersion\" value=\"3\"")));
        mvc.perform(post("/incidents/" + id + "/first-support").with(user(leader)).with(csrf())
                        .param("expectedVersion", "3").param("offeredAt", "2026-01-10T11:00").param("response", "DECLINED"))
                // back to the task list, told to wait until it shows the change: the report (0-3), then 4 and 5
                .andExpect(redirectedUrl("http://localhost:8082/tasks?team=" + users.team.value() + "&seen=" + id + ":5"));
        assertThat(version(id)).isEqualTo(5);
        mvc.perform(post("/incidents/" + id + "/first-support").with(user(leader)).with(csrf())
                        .param("expectedVersion", "3").param("offeredAt", "2026-01-10T11:00").param("response", "DECLINED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("intussen door iemand anders gewijzigd")));
    }

    @Test
    void closingIsRefusedWhileRequiredStepsAreOpenAndNamesThem() throws Exception {
        String id = report();
        String open = "Nog open: Collegiale eerste opvang aanbieden, Nazorggesprek voeren, Terugkoppelen aan de melder";
        mvc.perform(post("/api/incidents/" + id + "/close").with(user(leader))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"expectedVersion\":3}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("De melding kan nog niet dicht. " + open + "."));
        mvc.perform(post("/incidents/" + id + "/close").with(user(leader)).with(csrf()).param("expectedVersion", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(open)));
    }

    @Test
    void anIncidentWithItsStepsDoneClosesAndCanBeReopenedWithAReason() throws Exception {
        String id = report();
        mvc.perform(post("/api/incidents/" + id + "/first-support").with(user(leader))
                .contentType(MediaType.APPLICATION_JSON).content(firstSupport(3, "ACCEPTED"))).andExpect(status().isOk());
        // the other required steps have their own tests; here they are simply done
        IncidentId incident = new IncidentId(id);
        commands.sendAndWait(new RecordAftercareTalkCommand(incident, null, Instant.parse("2026-01-11T10:00:00Z"),
                AftercareOutcome.HELD, false, Set.of(), leader.actor(), Instant.now()));
        commands.sendAndWait(new GiveFeedbackCommand(incident, null, "Besproken met de cliënt", leader.actor(), Instant.now()));
        assertThat(version(id)).isEqualTo(9);
        mvc.perform(get("/incidents/" + id + "/closing").with(user(leader)))
                .andExpect(content().string(containsString("/close\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/reopen\""))));
        mvc.perform(post("/incidents/" + id + "/close").with(user(leader)).with(csrf()).param("expectedVersion", "9"))
                .andExpect(redirectedUrl("http://localhost:8082/incidents/" + id + "?seen=" + id + ":10"));
        mvc.perform(get("/incidents/" + id + "/closing").with(user(leader)))
                .andExpect(content().string(containsString("Deze melding is afgesloten.")))
                .andExpect(content().string(containsString("/reopen\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/close\""))));
        mvc.perform(post("/api/incidents/" + id + "/reopen").with(user(leader))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"expectedVersion\":10,\"reason\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/incidents/" + id + "/reopen").with(user(leader))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedVersion\":10,\"reason\":\"Nieuwe dreiging\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(11));
        mvc.perform(post("/api/incidents/" + id + "/close").with(user(otherLeader))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"expectedVersion\":11}"))
                .andExpect(status().isForbidden());
    }
}
