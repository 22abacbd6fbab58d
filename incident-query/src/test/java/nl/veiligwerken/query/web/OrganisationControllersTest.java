package nl.veiligwerken.query.web;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.Skill;
import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.ComplianceRow;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.query.queries.QuarterlyReview;
import nl.veiligwerken.query.queries.ReviewAction;
import nl.veiligwerken.query.queries.ReviewLearningPoint;
import nl.veiligwerken.query.queries.TeamComplianceRow;
import nl.veiligwerken.query.queries.TeamReview;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({OrganisationApiController.class, OrganisationPageController.class, CompliancePageController.class})
@Import({ComplianceFigures.class, OrganisationFigures.class})
class OrganisationControllersTest extends WebSliceTest {

    static final TeamId ZUID = new TeamId("zuid");
    static final Quarter Q1 = new Quarter(2026, 1);
    static final VwUser MANAGER = organisationRole("mila", Role.MANAGEMENT);
    static final VwUser PREVENTION = organisationRole("pim", Role.PREVENTION_OFFICER);
    static final String LEARNING_TEXT = "Bij cli\u00ebnt K. niet alleen op huisbezoek";
    static final String ACTION_TEXT = "Gesprek met mevrouw De Vries plannen";
    static final String INCIDENT_ID = "0b7c1f5e-incident";

    @BeforeEach
    void twoTeams() {
        when(directory.teams()).thenReturn(List.of(new AccountDirectory.Team(NOORD, "Ambulant team Noord"),
                new AccountDirectory.Team(ZUID, "Woongroep Zuid")));
        when(directory.team(NOORD)).thenReturn(Optional.of(new AccountDirectory.Team(NOORD, "Ambulant team Noord")));
        when(directory.team(ZUID)).thenReturn(Optional.of(new AccountDirectory.Team(ZUID, "Woongroep Zuid")));
        when(readModel.organisationReviews(any())).thenReturn(List.of());
        // Noord: 12 reports, 2 of them serious. Zuid: 3 reports, all minor.
        when(readModel.organisationReviews(Q1)).thenReturn(List.of(
                new TeamReview(NOORD, new QuarterlyReview(Q1, 12, Map.of(AggressionKind.THREAT, 12),
                        Map.of(Severity.MODERATE, 10, Severity.SERIOUS, 2), Map.of(Setting.OFFICE, 12), 12, 10,
                        List.of(new ReviewAction(INCIDENT_ID + ":a", FollowUpKind.OTHER, ACTION_TEXT,
                                Instant.parse("2026-01-10T09:00:00Z"), null, null)),
                        List.of(new ReviewLearningPoint(LearningLevel.TEAM, Skill.DE_ESCALATION, LEARNING_TEXT)))),
                new TeamReview(ZUID, new QuarterlyReview(Q1, 3, Map.of(AggressionKind.VERBAL_ABUSE, 3),
                        Map.of(Severity.MINOR, 3), Map.of(Setting.PHONE, 3), 3, 3, List.of(), List.of()))));
        when(readModel.organisationCompliance(any())).thenReturn(List.of(
                new TeamComplianceRow(NOORD, new ComplianceRow(ProtocolStep.FIRST_SUPPORT, 12, 10, 2, 0, 0)),
                new TeamComplianceRow(ZUID, new ComplianceRow(ProtocolStep.FIRST_SUPPORT, 3, 3, 0, 0, 0))));
    }

    @Test
    void theApiGivesEveryTeamAndTheOrganisationWithSmallCountsHidden() throws Exception {
        String current = "$.teams[0].quarters[3].";
        mvc.perform(get("/api/organisation").param("quarter", "2026-Q1").with(user(MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quarter").value("2026-Q1"))
                .andExpect(jsonPath("$.quarters.length()").value(4))
                .andExpect(jsonPath("$.quarters[0]").value("2025-Q2"))
                .andExpect(jsonPath("$.minimumGroup").value(5))
                .andExpect(jsonPath("$.teams[0].team").value("noord"))
                .andExpect(jsonPath("$.teams[0].teamName").value("Ambulant team Noord"))
                .andExpect(jsonPath("$.teams[1].team").value("zuid"))
                .andExpect(jsonPath(current + "byKind.THREAT.count").value(12))
                .andExpect(jsonPath(current + "byKind.THREAT.suppressed").doesNotExist())
                .andExpect(jsonPath(current + "byKind.DISCRIMINATION.count").value(0))
                // 2 serious: hidden; 12 - 10 would give it away, so the 10 goes too
                .andExpect(jsonPath(current + "bySeverity.SERIOUS.count").value(nullValue()))
                .andExpect(jsonPath(current + "bySeverity.SERIOUS.suppressed").value("SMALL"))
                .andExpect(jsonPath(current + "bySeverity.MODERATE.count").value(nullValue()))
                .andExpect(jsonPath(current + "bySeverity.MODERATE.suppressed").value("COMPLEMENTARY"))
                .andExpect(jsonPath("$.teams[0].quarters[0].incidents.count").value(0))
                .andExpect(jsonPath("$.organisation.team").doesNotExist())
                .andExpect(jsonPath("$.organisation.quarters[3].bySeverity.MINOR.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.organisation.quarters[3].byKind.THREAT.count").value(12))
                // 12 needed, 10 given: the 2 without a talk are hidden, so are the 10, and the percentage
                .andExpect(jsonPath("$.teams[0].aftercare.notGiven.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.teams[0].aftercare.given.suppressed").value("COMPLEMENTARY"))
                .andExpect(jsonPath("$.teams[0].aftercare.percentage").doesNotExist())
                .andExpect(jsonPath("$.organisation.aftercare.needed.count").value(15))
                .andExpect(jsonPath("$.teams[0].actions.planned.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.teams[0].actions.completed.count").value(0))
                .andExpect(jsonPath("$.organisation.compliance.length()").value(8))
                .andExpect(jsonPath("$.organisation.compliance[?(@.step == 'FIRST_SUPPORT')].step").value("FIRST_SUPPORT"))
                .andExpect(jsonPath("$.organisation.compliance[?(@.step == 'FIRST_SUPPORT')].required.count").value(15))
                .andExpect(jsonPath("$.organisation.compliance[?(@.step == 'FIRST_SUPPORT')].late.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.organisation.compliance[?(@.step == 'FIRST_SUPPORT')].onTime.suppressed").value("COMPLEMENTARY"))
                .andExpect(jsonPath("$.teams[1].compliance[?(@.step == 'FIRST_SUPPORT')].required.suppressed").value("SMALL"));
    }

    /**
     * The subtraction attack: the organisation's 15 reports minus Noord's 12 would be Zuid's 3. So Noord's count is
     * hidden too, and so is what would give it back: Noord's reports at the office were all of its reports.
     */
    @Test
    void noHiddenCountCanBeWorkedOutFromTheOrganisationsTotal() throws Exception {
        mvc.perform(get("/api/organisation").param("quarter", "2026-Q1").with(user(PREVENTION)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisation.quarters[3].incidents.count").value(15))
                .andExpect(jsonPath("$.teams[1].quarters[3].incidents.count").value(nullValue()))
                .andExpect(jsonPath("$.teams[1].quarters[3].incidents.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.teams[0].quarters[3].incidents.count").value(nullValue()))
                .andExpect(jsonPath("$.teams[0].quarters[3].incidents.suppressed").value("COMPLEMENTARY"))
                .andExpect(jsonPath("$.teams[0].quarters[3].bySetting.OFFICE.suppressed").value("COMPLEMENTARY"))
                .andExpect(jsonPath("$.organisation.compliance[?(@.step == 'FIRST_SUPPORT')].required.count").value(15))
                .andExpect(jsonPath("$.teams[0].compliance[?(@.step == 'FIRST_SUPPORT')].required.suppressed").value("COMPLEMENTARY"))
                .andExpect(jsonPath("$.organisation.aftercare.needed.count").value(15))
                .andExpect(jsonPath("$.teams[0].aftercare.needed.suppressed").value("COMPLEMENTARY"));
    }

    @Test
    void nothingBehindTheNumbersIsShownNoTextNoNameNoIncident() throws Exception {
        String json = mvc.perform(get("/api/organisation").param("quarter", "2026-Q1").with(user(PREVENTION)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String page = mvc.perform(get("/organisation").param("quarter", "2026-Q1")
                        .header("Accept-Language", "nl").with(user(PREVENTION)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        for (String body : List.of(json, page)) {
            assertThat(body).doesNotContain(LEARNING_TEXT, ACTION_TEXT, INCIDENT_ID, "De Vries", "href=\"/incidents/",
                    "/compliance/incidents", "/reviews/quarterly");
        }
        assertThat(page).doesNotContain("<script");
    }

    @Test
    void thePageShowsTheTeamsTheOrganisationAndTheMarksOfHiddenCounts() throws Exception {
        String page = mvc.perform(get("/organisation").param("quarter", "2026-Q1")
                        .header("Accept-Language", "nl").with(user(MANAGER)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Cijfers van de organisatie: 2026-Q1", "Ambulant team Noord", "Woongroep Zuid",
                "2025-Q2", "&lt; 5", "\u00d7", "1 tot 4: niet getoond", "Meldingen per team van 2025-Q2 tot en met 2026-Q1",
                "Per ernst: meldingen van 2025-Q2 tot en met 2026-Q1", "Collegiale eerste opvang", "class=\"table-scroll\"",
                "href=\"/organisation?quarter=2025-Q4\"");
        assertThat(page.split("role=\"img\"", -1)).as("one chart of the teams, three of the dimensions").hasSize(5);
        assertThat(page).contains("href=\"http://localhost:8082/organisation\"");
    }

    @Test
    void onlyManagementAndThePreventionOfficerSeeTheOrganisation() throws Exception {
        VwUser staff = new VwUser("sanne", "Sanne", "s@x", "{noop}x", true, Set.of(Role.STAFF), Set.of(NOORD), Set.of());
        VwUser peer = new VwUser("bram", "Bram", "b@x", "{noop}x", true, Set.of(Role.PEER_SUPPORTER, Role.STAFF),
                Set.of(NOORD), Set.of());
        VwUser admin = new VwUser("ad", "Ad", "a@x", "{noop}x", true, Set.of(Role.ADMIN), Set.of(), Set.of());
        for (String path : List.of("/api/organisation", "/organisation")) {
            for (VwUser refused : List.of(staff, leader(NOORD), peer, admin)) {
                mvc.perform(get(path).param("quarter", "2026-Q1").with(user(refused)))
                        .andExpect(status().isForbidden());
            }
            mvc.perform(get(path).param("quarter", "2026-Q1").with(user(MANAGER))).andExpect(status().isOk());
            mvc.perform(get(path).param("quarter", "2026-Q1").with(user(PREVENTION))).andExpect(status().isOk());
            mvc.perform(get(path).with(user(MANAGER))).andExpect(status().isOk());
        }
    }

    @Test
    void aBadQuarterIsA400InTheApiAndSaidOnThePage() throws Exception {
        mvc.perform(get("/api/organisation").param("quarter", "2026-Q5").with(user(MANAGER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("2026-Q3")));
        mvc.perform(get("/organisation").param("quarter", "volgend jaar")
                        .header("Accept-Language", "nl").with(user(MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dat kwartaal bestaat niet")));
    }

    @Test
    void theCompliancePageLinksToTheOrganisationForThoseWhoMaySeeIt() throws Exception {
        when(readModel.compliance(NOORD, Q1)).thenReturn(List.of());
        VwUser preventionOfficer = organisationRole("pim", Role.PREVENTION_OFFICER);
        mvc.perform(get("/compliance").param("team", "noord").param("quarter", "2026-Q1")
                        .header("Accept-Language", "nl").with(user(preventionOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/organisation?quarter=2026-Q1\"")));
        String leaders = mvc.perform(get("/compliance").param("team", "noord").param("quarter", "2026-Q1")
                        .header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(leaders).doesNotContain("/organisation");
    }

    private static VwUser organisationRole(String username, Role role) {
        return new VwUser(username, username.substring(0, 1).toUpperCase() + username.substring(1), username + "@x",
                "{noop}x", true, Set.of(role, Role.STAFF), Set.of(), Set.of());
    }
}
