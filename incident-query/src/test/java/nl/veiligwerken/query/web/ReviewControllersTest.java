package nl.veiligwerken.query.web;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.Skill;
import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.query.queries.QuarterlyReview;
import nl.veiligwerken.query.queries.ReviewAction;
import nl.veiligwerken.query.queries.ReviewLearningPoint;
import nl.veiligwerken.query.queries.TeamReview;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ReviewApiController.class, ReviewPageController.class, ReviewExportController.class})
@Import({ComplianceFigures.class, QuarterlyReviews.class, ReviewExports.class, OrganisationFigures.class})
class ReviewControllersTest extends WebSliceTest {

    static final Quarter Q1 = new Quarter(2026, 1);
    static final Quarter Q4 = new Quarter(2025, 4);
    static final VwUser MANAGER = new VwUser("mila", "Mila", "m@x", "{noop}x", true, Set.of(Role.MANAGEMENT, Role.STAFF),
            Set.of(), Set.of());
    static final VwUser PREVENTION = new VwUser("pim", "Pim", "p@x", "{noop}x", true,
            Set.of(Role.PREVENTION_OFFICER, Role.STAFF), Set.of(), Set.of());
    static final String LEARNING_TEXT = "Bij cli\u00ebnt K. niet alleen op huisbezoek";
    static final String MEASURE_TEXT = "Alarmknop in spreekkamer 2";

    @BeforeEach
    void reviews() {
        when(directory.team(NOORD)).thenReturn(Optional.of(new AccountDirectory.Team(NOORD, "Ambulant team Noord")));
        when(directory.teams()).thenReturn(List.of(new AccountDirectory.Team(NOORD, "Ambulant team Noord")));
        when(readModel.quarterlyReview(eq(NOORD), any())).thenAnswer(call -> QuarterlyReview.empty(call.getArgument(1)));
        when(readModel.quarterlyReview(NOORD, Q4)).thenReturn(new QuarterlyReview(Q4, 2, Map.of(AggressionKind.THREAT, 2),
                Map.of(Severity.MINOR, 2), Map.of(Setting.OFFICE, 2), 2, 1, List.of(), List.of()));
        when(readModel.quarterlyReview(NOORD, Q1)).thenReturn(new QuarterlyReview(Q1, 3,
                Map.of(AggressionKind.THREAT, 2, AggressionKind.PHYSICAL_VIOLENCE, 1),
                Map.of(Severity.MODERATE, 2, Severity.SERIOUS, 1), Map.of(Setting.CLIENT_HOME, 3), 3, 2,
                List.of(new ReviewAction("letter", FollowUpKind.AGGRESSOR_LETTER, "Brief", Instant.parse("2026-01-10T09:00:00Z"),
                                Instant.parse("2026-01-20T09:00:00Z"), Instant.parse("2026-01-15T09:00:00Z")),
                        new ReviewAction("alarm", FollowUpKind.PREVENTIVE_MEASURE, MEASURE_TEXT,
                                Instant.parse("2026-01-12T09:00:00Z"), Instant.parse("2026-02-01T09:00:00Z"), null)),
                List.of(new ReviewLearningPoint(LearningLevel.TEAM, Skill.DE_ESCALATION, LEARNING_TEXT),
                        new ReviewLearningPoint(LearningLevel.PERSONAL, Skill.DE_ESCALATION, "Eerder afstand nemen"),
                        new ReviewLearningPoint(LearningLevel.ORGANISATION, Skill.RISK_ASSESSMENT, "Risicotaxatie vooraf"))));
    }

    @Test
    void theApiGivesTheQuarterAndTheThreeBeforeItWithLearningPointsAndMeasuresForALeader() throws Exception {
        mvc.perform(get("/api/reviews/quarterly").param("team", "noord").param("quarter", "2026-Q1")
                        .with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.team").value("noord"))
                .andExpect(jsonPath("$.quarter").value("2026-Q1"))
                .andExpect(jsonPath("$.quarters.length()").value(4))
                .andExpect(jsonPath("$.quarters[0].quarter").value("2025-Q2"))
                .andExpect(jsonPath("$.quarters[2].byKind.THREAT").value(2))
                .andExpect(jsonPath("$.quarters[2].aftercare.percentage").value(50))
                .andExpect(jsonPath("$.quarters[3].incidents").value(3))
                .andExpect(jsonPath("$.quarters[3].byKind.PHYSICAL_VIOLENCE").value(1))
                .andExpect(jsonPath("$.quarters[3].byKind.DISCRIMINATION").value(0))
                .andExpect(jsonPath("$.quarters[3].bySeverity.SERIOUS").value(1))
                .andExpect(jsonPath("$.quarters[3].bySetting.CLIENT_HOME").value(3))
                .andExpect(jsonPath("$.quarters[3].aftercare.needed").value(3))
                .andExpect(jsonPath("$.quarters[3].aftercare.given").value(2))
                .andExpect(jsonPath("$.quarters[3].aftercare.percentage").value(67))
                .andExpect(jsonPath("$.quarters[3].actions.planned").value(2))
                .andExpect(jsonPath("$.quarters[3].actions.open").value(1))
                .andExpect(jsonPath("$.quarters[3].actions.completed").value(1))
                .andExpect(jsonPath("$.quarters[3].measures.planned").value(1))
                .andExpect(jsonPath("$.quarters[3].learningPointsByLevel.TEAM").value(1))
                .andExpect(jsonPath("$.trainingNeeds[0].skill").value("DE_ESCALATION"))
                .andExpect(jsonPath("$.trainingNeeds[0].learningPoints").value(2))
                .andExpect(jsonPath("$.trainingNeeds[1].skill").value("RISK_ASSESSMENT"))
                .andExpect(jsonPath("$.learningPoints[?(@.level == 'TEAM')].text").value(LEARNING_TEXT))
                // due 1 February, not done, and WebSliceTest's clock says 3 March
                .andExpect(jsonPath("$.measures[0].description").value(MEASURE_TEXT))
                .andExpect(jsonPath("$.measures[0].status").value("OVERDUE"))
                .andExpect(jsonPath("$.quarters[0].aftercare.percentage").doesNotExist());
    }

    @Test
    void managementGetsTheTeamsCountsAsTheOrganisationViewShowsThemSmallOnesHiddenAndNoTexts() throws Exception {
        // the organisation view's reviews are the same as the team's
        when(readModel.organisationReviews(any())).thenAnswer(call -> List.of(
                new TeamReview(NOORD, readModel.quarterlyReview(NOORD, call.getArgument(0)))));

        String json = mvc.perform(get("/api/reviews/quarterly").param("team", "noord").param("quarter", "2026-Q1")
                        .with(user(MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.team").value("noord"))
                .andExpect(jsonPath("$.minimumGroup").value(5))
                .andExpect(jsonPath("$.textsShown").value(false))
                // 3 incidents, 2 threats, 3 at a client's home, 2 of 3 given aftercare: all below five
                .andExpect(jsonPath("$.quarters[3].incidents.count").doesNotExist())
                .andExpect(jsonPath("$.quarters[3].incidents.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.quarters[3].byKind.THREAT.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.quarters[3].byKind.DISCRIMINATION.count").value(0))
                .andExpect(jsonPath("$.quarters[3].bySetting.CLIENT_HOME.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.aftercare.given.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.aftercare.percentage").doesNotExist())
                .andExpect(jsonPath("$.actions.planned.suppressed").value("SMALL"))
                .andExpect(jsonPath("$.learningPoints").doesNotExist())
                .andExpect(jsonPath("$.measures").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain(LEARNING_TEXT, MEASURE_TEXT, "learningPointsBy", "trainingNeeds");

        // the team's leader reads the real numbers of the same quarter
        mvc.perform(get("/api/reviews/quarterly").param("team", "noord").param("quarter", "2026-Q1")
                        .with(user(leader(NOORD))))
                .andExpect(jsonPath("$.quarters[3].incidents").value(3))
                .andExpect(jsonPath("$.quarters[3].byKind.THREAT").value(2));

        // the page sends management to the organisation view, where every team's figures are shown this way
        mvc.perform(get("/reviews/quarterly").param("team", "noord").param("quarter", "2026-Q1").with(user(MANAGER)))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/organisation?quarter=2026-Q1"));
    }

    @Test
    void aBadQuarterIsA400InTheApiAndSaidOnThePage() throws Exception {
        mvc.perform(get("/api/reviews/quarterly").param("team", "noord").param("quarter", "2026-Q5")
                        .with(user(leader(NOORD))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("2026-Q3")));
        mvc.perform(get("/api/reviews/quarterly").with(user(leader(NOORD)))).andExpect(status().isBadRequest());
        mvc.perform(get("/reviews/quarterly").param("team", "noord").param("quarter", "volgend jaar")
                        .header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dat kwartaal bestaat niet")));
    }

    @Test
    void onlyTheTeamsLeadersThePreventionOfficerAndManagementSeeTheReviewManagementOnlyAsAggregates() throws Exception {
        VwUser staff = new VwUser("sanne", "Sanne", "s@x", "{noop}x", true, Set.of(Role.STAFF), Set.of(NOORD), Set.of());
        for (String path : List.of("/api/reviews/quarterly", "/reviews/quarterly", "/reviews/quarterly.csv",
                "/reviews/quarterly.pdf")) {
            mvc.perform(get(path).param("team", "noord").param("quarter", "2026-Q1").with(user(leader(new TeamId("zuid")))))
                    .andExpect(status().isForbidden());
            mvc.perform(get(path).param("team", "noord").param("quarter", "2026-Q1").with(user(staff)))
                    .andExpect(status().isForbidden());
            mvc.perform(get(path).param("team", "noord").param("quarter", "2026-Q1").with(user(PREVENTION)))
                    .andExpect(status().isOk());
        }
        // management: the counts with small ones hidden as JSON, the organisation view for the page, no files
        mvc.perform(get("/api/reviews/quarterly").param("team", "noord").param("quarter", "2026-Q1").with(user(MANAGER)))
                .andExpect(status().isOk());
        mvc.perform(get("/reviews/quarterly").param("team", "noord").param("quarter", "2026-Q1").with(user(MANAGER)))
                .andExpect(status().isFound());
    }

    @Test
    void thePageDrawsAnAccessibleChartPerDimensionWithTheNumbersInATable() throws Exception {
        String page = mvc.perform(get("/reviews/quarterly").param("team", "noord").param("quarter", "2026-Q1")
                        .header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Kwartaalevaluatie: Ambulant team Noord, 2026-Q1", "2025-Q2", "2025-Q4",
                "Per soort agressie: meldingen van 2025-Q2 tot en met 2026-Q1", "Fysiek geweld", "Bij de cli\u00ebnt thuis",
                "67%", "De-escaleren van agressief gedrag", MEASURE_TEXT, "Te laat",
                "/reviews/quarterly.csv?team=noord&amp;quarter=2026-Q1",
                "/reviews/quarterly.pdf?team=noord&amp;quarter=2026-Q1");
        // the learning point text is shown escaped, as text
        assertThat(page).contains("Bij cli\u00ebnt K. niet alleen op huisbezoek");
        assertThat(page.split("role=\"img\"", -1)).hasSize(4);
        assertThat(page.split("<title id=\"chart-", -1)).hasSize(4);
        assertThat(page).contains("aria-labelledby=\"chart-kind\"").doesNotContain("<script");
    }

    @Test
    void theCsvIsForDutchExcelWithAHeaderRowAndTheSameNumbers() throws Exception {
        byte[] body = mvc.perform(get("/reviews/quarterly.csv").param("team", "noord").param("quarter", "2026-Q1")
                        .header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", containsString("kwartaalevaluatie-noord-2026-Q1.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, StandardCharsets.UTF_8).substring(1).lines().toList();

        assertThat(lines.get(0)).isEqualTo("Onderdeel;Categorie;2025-Q2;2025-Q3;2025-Q4;2026-Q1");
        assertThat(lines).contains("Meldingen;Totaal;0;0;2;3",
                "Per soort agressie;Bedreiging;0;0;2;2",
                "Per soort agressie;Fysiek geweld;0;0;0;1",
                "Per ernst;Ernstig;0;0;0;1",
                "Per plaats;Bij de cli\u00ebnt thuis;0;0;0;3",
                "Nazorg;Bereik;;;50%;67%",
                "Vervolgacties;Nog open;0;0;0;1",
                "Trainingsbehoefte;De-escaleren van agressief gedrag;0;0;0;2",
                "Leerpunten van 2026-Q1;Team;De-escaleren van agressief gedrag;" + LEARNING_TEXT);
        assertThat(lines).anyMatch(line -> line.startsWith("Preventieve maatregelen van 2026-Q1;" + MEASURE_TEXT + ";")
                && line.endsWith(";Te laat"));
    }

    @Test
    void theCsvOfALeaderKeepsTextsFromBecomingFormulasAndManagementGetsNoFiles() throws Exception {
        when(readModel.quarterlyReview(NOORD, Q1)).thenReturn(new QuarterlyReview(Q1, 1, Map.of(), Map.of(), Map.of(), 0, 0,
                List.of(), List.of(new ReviewLearningPoint(LearningLevel.TEAM, null, "=HYPERLINK(\"x\";\"y\")"))));
        String leaders = mvc.perform(get("/reviews/quarterly.csv").param("team", "noord").param("quarter", "2026-Q1")
                        .header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(leaders).contains(";\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"");

        // a file holds the team's real counts: management reads them on the organisation view, small ones hidden
        mvc.perform(get("/reviews/quarterly.csv").param("team", "noord").param("quarter", "2026-Q1").with(user(MANAGER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/reviews/quarterly.pdf").param("team", "noord").param("quarter", "2026-Q1").with(user(MANAGER)))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePdfIsAPlainDocumentWithTheTeamTheTablesAndTheLearningPoints() throws Exception {
        byte[] pdf = mvc.perform(get("/reviews/quarterly.pdf").param("team", "noord").param("quarter", "2026-Q1")
                        .header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = pdfText(pdf);
        assertThat(text).contains("Ambulant team Noord", "2026-Q1", "Per soort agressie", "Fysiek geweld",
                LEARNING_TEXT, MEASURE_TEXT);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        }
    }
}
