package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.ComplianceIncident;
import nl.veiligwerken.query.queries.ComplianceOutcome;
import nl.veiligwerken.query.queries.ComplianceRow;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.query.queries.TeamComplianceRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ComplianceApiController.class, CompliancePageController.class})
@Import({ComplianceFigures.class, OrganisationFigures.class})
class ComplianceControllersTest extends WebSliceTest {

    static final Quarter Q1 = new Quarter(2026, 1);
    static final VwUser MANAGER = new VwUser("mila", "Mila", "m@x", "{noop}x", true, Set.of(Role.MANAGEMENT, Role.STAFF),
            Set.of(), Set.of());
    static final VwUser PREVENTION = new VwUser("pim", "Pim", "p@x", "{noop}x", true,
            Set.of(Role.PREVENTION_OFFICER, Role.STAFF), Set.of(), Set.of());

    @BeforeEach
    void figures() {
        when(directory.team(NOORD)).thenReturn(Optional.of(new AccountDirectory.Team(NOORD, "Ambulant team Noord")));
        when(directory.teams()).thenReturn(List.of(new AccountDirectory.Team(NOORD, "Ambulant team Noord")));
        when(readModel.compliance(NOORD, Q1)).thenReturn(List.of(
                new ComplianceRow(ProtocolStep.FIRST_SUPPORT, 10, 7, 2, 1, 0),
                new ComplianceRow(ProtocolStep.FEEDBACK, 10, 9, 0, 0, 1)));
    }

    @Test
    void theApiGivesEveryStepOfTheAgreementsForTheQuarterAskedFor() throws Exception {
        mvc.perform(get("/api/compliance").param("team", "noord").param("quarter", "2026-Q1").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.team").value("noord"))
                .andExpect(jsonPath("$.quarter").value("2026-Q1"))
                .andExpect(jsonPath("$.steps.length()").value(8))
                .andExpect(jsonPath("$.steps[?(@.step == 'FIRST_SUPPORT')].late").value(2))
                .andExpect(jsonPath("$.steps[?(@.step == 'FIRST_SUPPORT')].overdue").value(1))
                .andExpect(jsonPath("$.steps[?(@.step == 'INCIDENT_ANALYSIS')].required").value(0));
    }

    @Test
    void withoutAQuarterItIsTheCurrentOneAndABadOneIsA400() throws Exception {
        // WebSliceTest's clock: 3 March 2026
        mvc.perform(get("/api/compliance").param("team", "noord").with(user(leader(NOORD))))
                .andExpect(jsonPath("$.quarter").value("2026-Q1"));
        mvc.perform(get("/api/compliance").param("team", "noord").param("quarter", "2026-Q5").with(user(leader(NOORD))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("2026-Q3")));
        mvc.perform(get("/api/compliance").with(user(leader(NOORD)))).andExpect(status().isBadRequest());
    }

    @Test
    void leadersOfOtherTeamsAndStaffSeeNoFiguresTheOrganisationsRolesDo() throws Exception {
        mvc.perform(get("/api/compliance").param("team", "noord").with(user(leader(new TeamId("zuid")))))
                .andExpect(status().isForbidden());
        VwUser staff = new VwUser("sanne", "Sanne", "s@x", "{noop}x", true, Set.of(Role.STAFF), Set.of(NOORD), Set.of());
        mvc.perform(get("/api/compliance").param("team", "noord").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/api/compliance").param("team", "noord").with(user(MANAGER))).andExpect(status().isOk());
        mvc.perform(get("/api/compliance").param("team", "noord").with(user(PREVENTION))).andExpect(status().isOk());
    }

    @Test
    void theIncidentsBehindANumberAreForLeadersAndThePreventionOfficerNotForManagement() throws Exception {
        when(readModel.complianceIncidents(NOORD, Q1, ProtocolStep.FIRST_SUPPORT, ComplianceOutcome.LATE)).thenReturn(List.of(
                new ComplianceIncident(new IncidentId("incident-a"), ProtocolStep.FIRST_SUPPORT, 2,
                        Instant.parse("2026-02-02T09:00:00Z"), Instant.parse("2026-02-02T15:00:00Z"), ComplianceOutcome.LATE)));

        mvc.perform(get("/api/compliance/incidents").param("team", "noord").param("quarter", "2026-Q1")
                        .param("step", "FIRST_SUPPORT").param("outcome", "LATE").with(user(PREVENTION)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].incidentId").value("incident-a"))
                .andExpect(jsonPath("$[0].protocolVersion").value(2))
                .andExpect(jsonPath("$[0].outcome").value("LATE"));
        mvc.perform(get("/api/compliance/incidents").param("team", "noord").param("quarter", "2026-Q1")
                        .param("step", "FIRST_SUPPORT").with(user(MANAGER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/compliance/incidents").param("team", "noord").param("quarter", "2026-Q1")
                        .param("step", "FOLLOW_UP_ACTION").with(user(leader(NOORD))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void thePageShowsTheTableWithLinksToTheIncidentsForALeader() throws Exception {
        String page = mvc.perform(get("/compliance").param("team", "noord").param("quarter", "2026-Q1")
                        .header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Naleving werkafspraken: Ambulant team Noord, 2026-Q1", "Collegiale eerste opvang",
                "/compliance/incidents?team=noord&amp;quarter=2026-Q1&amp;step=FIRST_SUPPORT&amp;outcome=LATE",
                "Vorig kwartaal (2025-Q4)", "/reviews/quarterly?team=noord&amp;quarter=2026-Q1");
    }

    @Test
    void managementGetsTheTeamsStepsWithSmallCountsHiddenTheLeaderTheRealOnes() throws Exception {
        when(readModel.organisationCompliance(Q1)).thenReturn(List.of(
                new TeamComplianceRow(NOORD, new ComplianceRow(ProtocolStep.FIRST_SUPPORT, 10, 7, 2, 1, 0)),
                new TeamComplianceRow(NOORD, new ComplianceRow(ProtocolStep.FEEDBACK, 10, 9, 0, 0, 1))));

        mvc.perform(get("/api/compliance").param("team", "noord").param("quarter", "2026-Q1").with(user(MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.team").value("noord"))
                .andExpect(jsonPath("$.minimumGroup").value(5))
                .andExpect(jsonPath("$.steps[?(@.step == 'FIRST_SUPPORT')].required.count").value(10))
                .andExpect(jsonPath("$.steps[?(@.step == 'FIRST_SUPPORT')].onTime.count").value(7))
                .andExpect(jsonPath("$.steps[?(@.step == 'FIRST_SUPPORT')].late.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.steps[?(@.step == 'FIRST_SUPPORT')].overdue.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.steps[?(@.step == 'FIRST_SUPPORT')].open.count").value(0))
                // 9 on time and 1 open of 10: the 9 is hidden too, or the 1 would follow from 10 - 9
                .andExpect(jsonPath("$.steps[?(@.step == 'FEEDBACK')].open.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.steps[?(@.step == 'FEEDBACK')].onTime.suppressed").value("COMPLEMENTARY"));

        mvc.perform(get("/api/compliance").param("team", "noord").param("quarter", "2026-Q1").with(user(leader(NOORD))))
                .andExpect(jsonPath("$.steps[?(@.step == 'FIRST_SUPPORT')].late").value(2))
                .andExpect(jsonPath("$.steps[?(@.step == 'FEEDBACK')].open").value(1));

        mvc.perform(get("/api/compliance").param("team", "elders").param("quarter", "2026-Q1").with(user(MANAGER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePageSendsManagementToTheOrganisationViewAndABadQuarterIsSaidThere() throws Exception {
        mvc.perform(get("/compliance").param("team", "noord").param("quarter", "2026-Q1").with(user(MANAGER)))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/organisation?quarter=2026-Q1#compliance-noord"));
        mvc.perform(get("/compliance").param("team", "noord").param("quarter", "volgend jaar").with(user(MANAGER)))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/organisation?quarter=volgend%20jaar#compliance-noord"));
    }

    @Test
    void aBadQuarterIsSaidOnTheLeadersPageNotFailed() throws Exception {
        mvc.perform(get("/compliance").param("team", "noord").param("quarter", "volgend jaar").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dat kwartaal bestaat niet")));
    }

    @Test
    void theDrillDownPageListsTheIncidents() throws Exception {
        when(readModel.complianceIncidents(any(), any(), any(), any())).thenReturn(List.of(
                new ComplianceIncident(new IncidentId("incident-b"), ProtocolStep.FEEDBACK, 1,
                        Instant.parse("2026-02-10T09:00:00Z"), null, ComplianceOutcome.OVERDUE)));

        mvc.perform(get("/compliance/incidents").param("team", "noord").param("quarter", "2026-Q1")
                        .param("step", "FEEDBACK").header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/incidents/incident-b")))
                .andExpect(content().string(containsString("Termijn verstreken, nog niet gedaan")))
                .andExpect(content().string(containsString("Nog niet")));
        mvc.perform(get("/compliance/incidents").param("team", "noord").param("quarter", "2026-Q1")
                .param("step", "FEEDBACK").with(user(MANAGER))).andExpect(status().isForbidden());
    }
}
