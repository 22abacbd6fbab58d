package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.tasks.TaskSummary;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.query.queries.TaskListEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TaskPageController.class)
class TaskPageControllerTest extends WebSliceTest {

    static final IncidentId INCIDENT = new IncidentId("incident-a");

    @BeforeEach
    void team() {
        when(directory.team(NOORD)).thenReturn(Optional.of(new AccountDirectory.Team(NOORD, "Ambulant team Noord")));
    }

    @Test
    void everyStepLinksToTheFormThatDoesIt() throws Exception {
        when(readModel.openTasksOf(NOORD)).thenReturn(List.of(
                step(ProtocolStep.LABOUR_INSPECTORATE), step(ProtocolStep.FIRST_SUPPORT),
                step(ProtocolStep.AFTERCARE_TALK), step(ProtocolStep.AGGRESSOR_RESPONSE), step(ProtocolStep.FEEDBACK),
                step(ProtocolStep.INCIDENT_ANALYSIS), step(ProtocolStep.SECOND_CHECK_IN)));

        String page = tasksPage();

        String incident = COMMAND + "/incidents/incident-a/";
        assertThat(page)
                .contains("href=\"" + incident + "labour-inspectorate\">Melding Arbeidsinspectie vastleggen</a>")
                .contains("href=\"" + incident + "first-support\">Opvang vastleggen</a>")
                .contains("href=\"" + incident + "aftercare\">Nazorggesprek vastleggen</a>")
                .contains("href=\"" + incident + "aggressor-response\">Reactie vastleggen</a>")
                .contains("href=\"" + incident + "feedback\">Terugkoppeling geven</a>")
                .contains("href=\"" + incident + "analysis\">Analyse vastleggen</a>")
                .contains("href=\"" + incident + "aftercare\">Check-in vastleggen</a>")
                .contains("Tweede check-in (nazorg)");
    }

    @Test
    void aProtocolStepIsForItsRoleAndAFollowUpActionForItsOwnerByName() throws Exception {
        when(directory.contact("sanne")).thenReturn(Optional.of(
                new AccountDirectory.Contact("sanne", "Sanne de Vries", "s@x", "nl")));
        when(readModel.openTasksOf(NOORD)).thenReturn(List.of(step(ProtocolStep.FEEDBACK),
                action("1", "sanne"), action("2", "sanne"), action("3", "vertrokken")));

        String page = tasksPage();

        assertThat(page).contains(">teamleider<", "Vervolgactie uitvoeren",
                "href=\"" + COMMAND + "/incidents/incident-a/actions/1/complete\">Actie afronden</a>",
                "href=\"" + COMMAND + "/incidents/incident-a/actions/3/complete\"");
        assertThat(page.split(">Sanne de Vries<", -1)).hasSize(3);
        // an owner the directory no longer knows is shown by username
        assertThat(page).contains(">vertrokken<");
        // one look-up per person, however many actions they own
        verify(directory, times(1)).contact("sanne");
    }

    @Test
    void theListStaysATableThatFoldsOnAPhone() throws Exception {
        when(readModel.openTasksOf(NOORD)).thenReturn(List.of(action("1", "sanne")));

        assertThat(tasksPage()).contains("class=\"responsive\"", "data-label=\"Voor\"", "data-label=\"Actie\"");
    }

    private String tasksPage() throws Exception {
        return mvc.perform(get("/tasks").header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static TaskListEntry step(ProtocolStep step) {
        return new TaskListEntry(new TaskSummary(new TaskId(INCIDENT.value() + ":" + step.name()), INCIDENT, NOORD,
                step, Role.TEAM_LEADER, NOW.minusSeconds(3600), NOW.plusSeconds(3600)), null);
    }

    private static TaskListEntry action(String actionId, String owner) {
        return new TaskListEntry(new TaskSummary(new TaskId(INCIDENT.value() + ":action-" + actionId), INCIDENT, NOORD,
                ProtocolStep.FOLLOW_UP_ACTION, null, NOW.minusSeconds(3600), NOW.plusSeconds(7200)), owner);
    }
}
