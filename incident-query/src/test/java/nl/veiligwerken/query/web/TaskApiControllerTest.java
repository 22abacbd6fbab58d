package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.tasks.TaskSummary;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.TaskListEntry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TaskApiController.class)
class TaskApiControllerTest extends WebSliceTest {

    @Test
    void leaderGetsTheTeamsOpenTasksMarkedOverdueAfterTheirDueTime() throws Exception {
        when(readModel.openTasksOf(List.of(NOORD))).thenReturn(List.of(
                task("past", NOW.minusSeconds(1)), task("exact", NOW), task("future", NOW.plusSeconds(3600)),
                task("day-after", NOW.plus(Duration.ofHours(25)))));

        mvc.perform(get("/api/tasks").param("team", "noord").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].taskId").value("past"))
                .andExpect(jsonPath("$[0].incidentId").value("incident-past"))
                .andExpect(jsonPath("$[0].teamId").value("noord"))
                .andExpect(jsonPath("$[0].step").value("FIRST_SUPPORT"))
                .andExpect(jsonPath("$[0].assigneeRole").value("TEAM_LEADER"))
                .andExpect(jsonPath("$[0].assignee").doesNotExist())
                .andExpect(jsonPath("$[0].dueAt").value("2026-03-03T11:59:59Z"))
                .andExpect(jsonPath("$[0].overdue").value(true))
                .andExpect(jsonPath("$[0].actionUrl").value(COMMAND + "/incidents/incident-past/first-support"))
                .andExpect(jsonPath("$[0].section").value("OVERDUE"))
                .andExpect(jsonPath("$[1].overdue").value(false))
                .andExpect(jsonPath("$[1].section").value("DUE_SOON"))
                .andExpect(jsonPath("$[2].overdue").value(false))
                .andExpect(jsonPath("$[2].section").value("DUE_SOON"))
                .andExpect(jsonPath("$[3].section").value("OPEN"))
                .andExpect(jsonPath("$[0].description").doesNotExist());
    }

    @Test
    void aFollowUpActionNamesItsOwnerAndLinksToCompletingIt() throws Exception {
        TaskSummary action = new TaskSummary(new TaskId("incident-a:action-7"), new IncidentId("incident-a"), NOORD,
                ProtocolStep.FOLLOW_UP_ACTION, null, NOW.minusSeconds(60), NOW.plusSeconds(86_400));
        TaskSummary check = new TaskSummary(new TaskId("incident-a:second-check-in"), new IncidentId("incident-a"),
                NOORD, ProtocolStep.SECOND_CHECK_IN, Role.TEAM_LEADER, NOW.minusSeconds(60), NOW.plusSeconds(90_000));
        when(readModel.openTasksOf(List.of(NOORD))).thenReturn(List.of(new TaskListEntry(action, "sanne", "Brief sturen"),
                new TaskListEntry(check, null)));

        mvc.perform(get("/api/tasks").param("team", "noord").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].step").value("FOLLOW_UP_ACTION"))
                .andExpect(jsonPath("$[0].assignee").value("sanne"))
                .andExpect(jsonPath("$[0].description").value("Brief sturen"))
                .andExpect(jsonPath("$[0].assigneeRole").doesNotExist())
                .andExpect(jsonPath("$[0].actionUrl").value(COMMAND + "/incidents/incident-a/actions/7/complete"))
                .andExpect(jsonPath("$[1].actionUrl").value(COMMAND + "/incidents/incident-a/aftercare"));
    }

    @Test
    void leaderOfAnotherTeamIsRefused() throws Exception {
        mvc.perform(get("/api/tasks").param("team", "noord").with(user(leader(new TeamId("zuid")))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(readModel);
    }

    @Test
    void memberOfTheTeamWhoIsNoTeamLeaderIsRefused() throws Exception {
        VwUser staff = new VwUser("sanne", "Sanne", "s@x", "{noop}x", true, Set.of(Role.STAFF), Set.of(NOORD), Set.of(NOORD));
        mvc.perform(get("/api/tasks").param("team", "noord").with(user(staff)))
                .andExpect(status().isForbidden());
    }

    @Test
    void withoutATeamItIsTheTasksOfAllTheTeamsTheyLead() throws Exception {
        TeamId zuid = new TeamId("zuid");
        VwUser both = new VwUser("mark", "Mark", "m@x", "{noop}x", true, Set.of(Role.TEAM_LEADER), Set.of(NOORD, zuid),
                Set.of(NOORD, zuid));
        TaskSummary other = new TaskSummary(new TaskId("z-1"), new IncidentId("incident-z"), zuid,
                ProtocolStep.FEEDBACK, Role.TEAM_LEADER, NOW.minusSeconds(60), NOW.plusSeconds(60));
        when(readModel.openTasksOf(List.of(NOORD, zuid))).thenReturn(List.of(task("n-1", NOW.minusSeconds(5)),
                new TaskListEntry(other, null)));

        mvc.perform(get("/api/tasks").with(user(both)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].teamId").value("noord"))
                .andExpect(jsonPath("$[1].teamId").value("zuid"))
                .andExpect(jsonPath("$[1].section").value("DUE_SOON"));
        mvc.perform(get("/api/tasks").param("team", " ").with(user(both)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void someoneWhoLeadsNoTeamIsRefused() throws Exception {
        VwUser staff = new VwUser("sanne", "Sanne", "s@x", "{noop}x", true, Set.of(Role.STAFF), Set.of(NOORD), Set.of());
        mvc.perform(get("/api/tasks").with(user(staff)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(readModel);
    }

    @Test
    void anonymousIsAskedToSignIn() throws Exception {
        when(readModel.openTasksOf(any())).thenReturn(List.of());
        mvc.perform(get("/api/tasks").param("team", "noord"))
                .andExpect(status().isUnauthorized());
    }

    private static TaskListEntry task(String id, Instant dueAt) {
        return new TaskListEntry(new TaskSummary(new TaskId(id), new IncidentId("incident-" + id), NOORD,
                ProtocolStep.FIRST_SUPPORT, Role.TEAM_LEADER, NOW.minusSeconds(86_400), dueAt), null);
    }
}
