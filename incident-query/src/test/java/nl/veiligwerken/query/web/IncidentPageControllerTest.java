package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.query.queries.TimelineAudience;
import nl.veiligwerken.query.queries.TimelineEntry;
import nl.veiligwerken.query.queries.TimelineEntryType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = IncidentPageController.class, properties = "veilig-werken.read-your-writes.timeout=150ms")
class IncidentPageControllerTest extends WebSliceTest {

    static final IncidentId ID = new IncidentId("incident-a");
    static final Instant REPORTED = Instant.parse("2026-03-02T09:15:00Z");
    static final String INCIDENT_PAGES = COMMAND + "/incidents/incident-a/";

    @BeforeEach
    void names() {
        when(directory.team(NOORD)).thenReturn(Optional.of(new AccountDirectory.Team(NOORD, "Ambulant team Noord")));
        when(directory.contact("mark")).thenReturn(Optional.of(new AccountDirectory.Contact("mark", "Mark Jansen", "m@x", "nl")));
        when(directory.contact("sanne")).thenReturn(Optional.of(new AccountDirectory.Contact("sanne", "Sanne de Vries", "s@x", "nl")));
    }

    @Test
    void showsTheWholeReportAsAmended() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(new IncidentDetails(ID, NOORD, "mark", "sanne", REPORTED,
                REPORTED.minusSeconds(3600), Setting.CLIENT_HOME, Set.of(AggressionKind.THREAT), Severity.SEVERE,
                "Sloeg met een stoel.", Aggressor.CLIENT_RELATIVE, "CL-2041",
                Set.of(Injury.LASTING_PHYSICAL_HARM, Injury.HOSPITAL_ADMISSION), true, false, 2, 2,
                Instant.parse("2026-03-03T10:00:00Z"), 7)));

        String page = page(leader(NOORD), "nl");

        assertThat(page).contains(
                "<dt>Gemeld door</dt>", "<dd>Mark Jansen</dd>",
                "<dt>Gemeld voor</dt>", "<dd>Sanne de Vries</dd>",
                "<dt>Agressor</dt>", "<dd>Familie of naaste van de cli\u00ebnt</dd>",
                "<dt>Cli\u00ebntnummer</dt>", "<dd>CL-2041</dd>",
                "<dt>Politie erbij betrokken</dt>",
                "<dt>Werkafspraken</dt>", "<dd>versie 2</dd>",
                "<dt>Aangepast</dt>", "2 keer, het laatst op 3 mrt");
        // injuries in the order of the list the reporter chose from
        assertThat(page.indexOf("Ziekenhuisopname (ook dagopname)"))
                .isPositive().isLessThan(page.indexOf("Blijvend lichamelijk letsel"));
    }

    @Test
    void aReportWithoutTheNewAnswersSaysSo() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne")));

        String page = page(leader(NOORD), "nl");

        assertThat(page).contains("<dd>Onbekend</dd>", "<dd>Niet opgegeven</dd>", "<dd>Geen letsel</dd>", "<dd>versie 1</dd>")
                .doesNotContain("Gemeld voor", "<dt>Aangepast</dt>");
    }

    @Test
    void theReporterMayAmendTheirReportButPlansNothing() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne")));
        VwUser reporter = new VwUser("sanne", "Sanne de Vries", "s@x", "{noop}x", true, Set.of(Role.STAFF),
                Set.of(NOORD), Set.of());

        String page = page(reporter, "nl");

        assertThat(page).contains("href=\"" + INCIDENT_PAGES + "amend\">Melding aanpassen</a>")
                .doesNotContain(INCIDENT_PAGES + "actions", INCIDENT_PAGES + "closing", "/tasks?team=");
    }

    @Test
    void theTeamLeaderMayAmendPlanAnActionAndClose() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne")));

        assertThat(page(leader(NOORD), "nl")).contains(
                "href=\"" + INCIDENT_PAGES + "amend\">Melding aanpassen</a>",
                "href=\"" + INCIDENT_PAGES + "actions\">Vervolgactie plannen</a>",
                "href=\"" + INCIDENT_PAGES + "closing\">Afsluiten of heropenen</a>",
                "href=\"/tasks?team=noord\"");
    }

    @Test
    void inEnglishOneAmendmentIsOnce() throws Exception {
        IncidentDetails reported = reportedBy("sanne");
        when(readModel.incident(ID)).thenReturn(Optional.of(new IncidentDetails(ID, NOORD, "sanne", null, REPORTED,
                reported.content().occurredAt(), reported.setting(), reported.kinds(), reported.severity(),
                reported.description(), Aggressor.CLIENT, null, Set.of(), false, true, 1, 1,
                Instant.parse("2026-03-03T10:00:00Z"), 3)));

        assertThat(page(leader(NOORD), "en")).contains("once, most recently on", "Amend report", "Plan a follow-up action");
    }

    @Test
    void theColleagueItHappenedToReadsTheReportMadeOnTheirBehalfButDoesNotAmendIt() throws Exception {
        IncidentDetails reported = reportedBy("mark");
        when(readModel.incident(ID)).thenReturn(Optional.of(new IncidentDetails(ID, NOORD, "mark", "sanne", REPORTED,
                reported.content(), true, 1, 2)));
        VwUser colleague = new VwUser("sanne", "Sanne de Vries", "s@x", "{noop}x", true, Set.of(Role.STAFF),
                Set.of(NOORD), Set.of());

        assertThat(page(colleague, "nl")).contains("<dt>Gemeld voor</dt>", "<dd>Sanne de Vries</dd>")
                .doesNotContain(INCIDENT_PAGES + "amend", INCIDENT_PAGES + "actions", INCIDENT_PAGES + "closing");
    }

    @Test
    void aTeamMateWhoIsNeitherReporterNorColleagueIsRefused() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("mark")));
        VwUser teamMate = new VwUser("kees", "Kees", "k@x", "{noop}x", true, Set.of(Role.STAFF), Set.of(NOORD), Set.of());

        mvc.perform(get("/incidents/incident-a").with(user(teamMate))).andExpect(status().isForbidden());
    }

    @Test
    void thePreventionOfficerReadsEveryTeamsIncidentButDoesNotAmendIt() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne")));
        VwUser preventionOfficer = new VwUser("pim", "Pim", "p@x", "{noop}x", true,
                Set.of(Role.PREVENTION_OFFICER, Role.STAFF), Set.of(), Set.of());

        assertThat(page(preventionOfficer, "nl")).contains("Schold.")
                .doesNotContain(INCIDENT_PAGES + "amend", INCIDENT_PAGES + "closing");
    }

    @Test
    void someoneElseIsRefused() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne")));

        mvc.perform(get("/incidents/incident-a").with(user(leader(new TeamId("zuid"))))).andExpect(status().isForbidden());
    }

    @Test
    void theLeaderReadsEveryStepWhenWhoAndWhetherOnTime() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne")));
        when(readModel.timeline(ID, TimelineAudience.FOLLOW_UP)).thenReturn(List.of(
                new TimelineEntry("e-0", 0, TimelineEntryType.REPORTED, REPORTED, "sanne", null, null, null, null,
                        null, List.of(), null, null, null),
                new TimelineEntry("e-1", 1, TimelineEntryType.TASK_SCHEDULED, REPORTED, null, null, Role.TEAM_LEADER,
                        ProtocolStep.FIRST_SUPPORT, REPORTED.plusSeconds(86400), null, List.of(), null, null, null),
                new TimelineEntry("e-2", 2, TimelineEntryType.TASK_OVERDUE, REPORTED.plusSeconds(86400), null, null,
                        null, ProtocolStep.FIRST_SUPPORT, REPORTED.plusSeconds(86400), null, List.of(), null, null, null),
                new TimelineEntry("e-3", 3, TimelineEntryType.TASK_COMPLETED, REPORTED.plusSeconds(90000), null, null,
                        null, ProtocolStep.FIRST_SUPPORT, REPORTED.plusSeconds(86400), null, List.of(), true, null, null),
                new TimelineEntry("e-4", 4, TimelineEntryType.AFTERCARE_TALK, REPORTED.plusSeconds(100000), "mark",
                        "sanne", null, ProtocolStep.FIRST_CHECK_IN, null, "DECLINED", List.of(), null, false, null),
                new TimelineEntry("e-5", 5, TimelineEntryType.REOPENED, REPORTED.plusSeconds(200000), "mark", null,
                        null, null, null, null, List.of(), null, null, "Dreigde opnieuw")));

        String page = page(leader(NOORD), "nl");

        assertThat(page).contains("<h2 id=\"timeline\">Verloop</h2>",
                "datetime=\"2026-03-02T09:15:00Z\">2 mrt", "door Sanne de Vries", "Melding gedaan",
                "Taak gepland: Collegiale eerste opvang aanbieden, voor teamleider, uiterlijk 3 mrt",
                "Taak niet op tijd gedaan: Collegiale eerste opvang aanbieden", "badge badge-overdue\">Over tijd",
                "Taak gedaan: Collegiale eerste opvang aanbieden", "badge badge-overdue\">Te laat",
                "Eerste check-in: de collega wilde (nu) geen gesprek", "Geen extra hulp nodig.",
                "Melding heropend", "Dreigde opnieuw", "door Mark Jansen");
        assertThat(page.indexOf("Melding gedaan")).isLessThan(page.indexOf("Melding heropend"));
    }

    @Test
    void theReporterGetsTheReportersTimelineAndTheOnTimeBadge() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne")));
        when(readModel.timeline(ID, TimelineAudience.REPORTER)).thenReturn(List.of(new TimelineEntry("e-3", 3,
                TimelineEntryType.TASK_COMPLETED, REPORTED, null, null, null, ProtocolStep.FEEDBACK, REPORTED, null,
                List.of(), false, null, null)));
        VwUser reporter = new VwUser("sanne", "Sanne de Vries", "s@x", "{noop}x", true, Set.of(Role.STAFF),
                Set.of(NOORD), Set.of());

        assertThat(page(reporter, "nl")).contains("Taak gedaan: Terugkoppelen aan de melder",
                "badge badge-done\">Op tijd");
    }

    @Test
    void nothingRecordedYetSaysSo() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne")));

        assertThat(page(leader(NOORD), "nl")).contains("Er is nog niets vastgelegd.");
    }

    @Test
    void comingBackFromAChangeItWaitsForTheViewToShowIt() throws Exception {
        when(readModel.incidentViewVersion(ID)).thenReturn(-1L, 6L, 7L);
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne")));

        String page = mvc.perform(get("/incidents/incident-a").param("seen", "incident-a:7")
                        .header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        verify(readModel, times(3)).incidentViewVersion(ID);
        assertThat(page).doesNotContain("Nog niet alles is bijgewerkt");
    }

    @Test
    void aViewThatDoesNotCatchUpInTimeIsShownWithANote() throws Exception {
        when(readModel.incidentViewVersion(ID)).thenReturn(6L);
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne")));

        String page = mvc.perform(get("/incidents/incident-a").param("seen", "incident-a:7")
                        .header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("role=\"status\">Nog niet alles is bijgewerkt; vernieuw de pagina zo.</p>");
    }

    @Test
    void aChangeToAnotherIncidentIsNotWaitedFor() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne")));

        String page = mvc.perform(get("/incidents/incident-a").param("seen", "incident-b:7")
                        .header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        verify(readModel, never()).incidentViewVersion(any());
        assertThat(page).contains("role=\"alert\">De verwijzing naar uw wijziging in het adres klopt niet");
    }

    private String page(VwUser user, String language) throws Exception {
        return mvc.perform(get("/incidents/incident-a").header("Accept-Language", language).with(user(user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** As a report from before aggressor, client number, injuries and police were asked. */
    private static IncidentDetails reportedBy(String reporter) {
        return new IncidentDetails(ID, NOORD, reporter, null, REPORTED, null, Setting.OFFICE,
                Set.of(AggressionKind.VERBAL_ABUSE), Severity.MINOR, "Schold.", null, null, null, false, true, 1, 0,
                null, 1);
    }
}
