package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.tasks.TaskSummary;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.TaskListEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = TaskPageController.class, properties = "veilig-werken.read-your-writes.timeout=150ms")
class TaskPageControllerTest extends WebSliceTest {

    static final IncidentId INCIDENT = new IncidentId("incident-a");
    static final TeamId ZUID = new TeamId("zuid");

    @BeforeEach
    void team() {
        when(directory.team(NOORD)).thenReturn(Optional.of(new AccountDirectory.Team(NOORD, "Ambulant team Noord")));
        when(directory.team(ZUID)).thenReturn(Optional.of(new AccountDirectory.Team(ZUID, "Wonen Zuid")));
    }

    @Test
    void tasksComeInThreePartsWithTheirCountsOverdueFirst() throws Exception {
        when(readModel.openTasksOf(List.of(NOORD))).thenReturn(List.of(
                due("late-1", NOW.minusSeconds(7200)), due("late-2", NOW.minusSeconds(1)),
                due("now", NOW), due("within-a-day", NOW.plus(Duration.ofHours(24))),
                due("later", NOW.plus(Duration.ofHours(24)).plusSeconds(1)), due("next-week", NOW.plus(Duration.ofDays(7)))));

        String page = tasksPage();

        assertThat(page).contains("<h2 id=\"tasks-OVERDUE-heading\">Te laat (2)</h2>",
                "<h2 id=\"tasks-DUE_SOON-heading\">Binnenkort (2)</h2>", "Te doen binnen 24 uur.",
                "<h2 id=\"tasks-OPEN-heading\">Open (2)</h2>");
        assertThat(page).containsSubsequence("Te laat (2)", "incident-late-1/", "incident-late-2/",
                "Binnenkort (2)", "incident-now/", "incident-within-a-day/",
                "Open (2)", "incident-later/", "incident-next-week/");
        assertThat(page.split("class=\"overdue\"", -1)).hasSize(3);
    }

    @Test
    void anEmptyPartSaysSo() throws Exception {
        when(readModel.openTasksOf(List.of(NOORD))).thenReturn(List.of(due("later", NOW.plus(Duration.ofDays(3)))));

        assertThat(tasksPage()).contains("Te laat (0)", "Binnenkort (0)", "Open (1)")
                .containsSubsequence("Te laat (0)", "Geen taken.", "Binnenkort (0)", "Geen taken.", "Open (1)");
    }

    @Test
    void aLeaderOfSeveralTeamsSeesAllOfThemAtOnceWithTheTeamOfEachTask() throws Exception {
        VwUser both = leaderOf(NOORD, ZUID);
        when(readModel.openTasksOf(List.of(NOORD, ZUID))).thenReturn(List.of(
                due("noord-task", NOW.plusSeconds(60)),
                new TaskListEntry(new TaskSummary(new TaskId("zuid-task"), new IncidentId("incident-zuid"), ZUID,
                        ProtocolStep.FEEDBACK, Role.TEAM_LEADER, NOW.minusSeconds(60), NOW.plusSeconds(120)), null)));

        String page = mvc.perform(get("/tasks").header("Accept-Language", "nl").with(user(both)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Open taken van uw teams", "data-label=\"Team\">Ambulant team Noord<",
                "data-label=\"Team\">Wonen Zuid<", "href=\"/tasks\" aria-current=\"page\">Alle teams</a>",
                "href=\"/tasks?team=zuid\">Wonen Zuid</a>");
    }

    @Test
    void aLeaderOfSeveralTeamsCanStillLookAtOne() throws Exception {
        when(readModel.openTasksOf(List.of(ZUID))).thenReturn(List.of());

        String page = mvc.perform(get("/tasks").param("team", "zuid").header("Accept-Language", "nl")
                        .with(user(leaderOf(NOORD, ZUID))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Open taken van Wonen Zuid", "href=\"/tasks?team=zuid\" aria-current=\"page\"")
                .doesNotContain("data-label=\"Team\"");
        verify(readModel, never()).openTasksOf(List.of(NOORD, ZUID));
    }

    @Test
    void aTeamOneDoesNotLeadIsRefused() throws Exception {
        mvc.perform(get("/tasks").param("team", "zuid").with(user(leader(NOORD)))).andExpect(status().isForbidden());
        verifyNoInteractions(readModel);
    }

    @Test
    void aFollowUpActionSaysWhatItIsAbout() throws Exception {
        when(readModel.openTasksOf(List.of(NOORD))).thenReturn(List.of(new TaskListEntry(action("1", "sanne").task(),
                "sanne", "Gesprek met de moeder plannen")));

        assertThat(tasksPage()).contains("Vervolgactie uitvoeren", ">Gesprek met de moeder plannen<");
    }

    @Test
    void comingBackFromAChangeItWaitsForTheTaskViewToShowIt() throws Exception {
        when(readModel.taskViewVersion(INCIDENT)).thenReturn(-1L, 4L, 5L);
        when(readModel.openTasksOf(List.of(NOORD))).thenReturn(List.of());

        String page = mvc.perform(get("/tasks").param("team", "noord").param("seen", "incident-a:5")
                        .header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        verify(readModel, times(3)).taskViewVersion(INCIDENT);
        assertThat(page).doesNotContain("Nog niet alles is bijgewerkt");
    }

    @Test
    void aViewThatDoesNotCatchUpInTimeIsShownWithANote() throws Exception {
        when(readModel.taskViewVersion(INCIDENT)).thenReturn(4L);
        when(readModel.openTasksOf(List.of(NOORD))).thenReturn(List.of());

        long started = System.nanoTime();
        String page = mvc.perform(get("/tasks").param("seen", "incident-a:5")
                        .header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(page).contains("<p class=\"alert alert-info\" role=\"status\">Nog niet alles is bijgewerkt; vernieuw de pagina zo.</p>");
    }

    @Test
    void aSeenItCannotReadIsNotWaitedForAndTheAlertSaysSo() throws Exception {
        when(readModel.openTasksOf(List.of(NOORD))).thenReturn(List.of());

        String page = mvc.perform(get("/tasks").param("seen", "incident-a").header("Accept-Language", "nl")
                        .with(user(leader(NOORD)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        verify(readModel, never()).taskViewVersion(any());
        assertThat(page).contains("role=\"alert\">De verwijzing naar uw wijziging in het adres klopt niet");
    }

    @Test
    void everyStepLinksToTheFormThatDoesIt() throws Exception {
        when(readModel.openTasksOf(List.of(NOORD))).thenReturn(List.of(
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
        when(readModel.openTasksOf(List.of(NOORD))).thenReturn(List.of(step(ProtocolStep.FEEDBACK),
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
        when(readModel.openTasksOf(List.of(NOORD))).thenReturn(List.of(action("1", "sanne")));

        assertThat(tasksPage()).contains("class=\"responsive\"", "data-label=\"Voor\"", "data-label=\"Actie\"");
    }

    private String tasksPage() throws Exception {
        return mvc.perform(get("/tasks").header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static VwUser leaderOf(TeamId... teams) {
        return new VwUser("mark", "Mark", "m@x", "{noop}x", true, Set.of(Role.TEAM_LEADER, Role.STAFF),
                Set.of(teams), Set.of(teams));
    }

    private static TaskListEntry due(String name, Instant dueAt) {
        return new TaskListEntry(new TaskSummary(new TaskId("task-" + name), new IncidentId("incident-" + name), NOORD,
                ProtocolStep.FIRST_SUPPORT, Role.TEAM_LEADER, NOW.minus(Duration.ofDays(2)), dueAt), null);
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
