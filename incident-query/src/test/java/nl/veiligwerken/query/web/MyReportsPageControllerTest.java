package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.notifications.UnreadNotifications;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.MyReport;
import nl.veiligwerken.query.queries.MyReportStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(MyReportsPageController.class)
class MyReportsPageControllerTest extends WebSliceTest {

    static final Instant REPORTED = Instant.parse("2026-03-02T09:15:00Z");
    static final VwUser SANNE = new VwUser("sanne", "Sanne de Vries", "s@x", "{noop}x", true, Set.of(Role.STAFF),
            Set.of(NOORD), Set.of());

    @MockitoBean
    UnreadNotifications unread;

    @BeforeEach
    void names() {
        when(directory.contact("mark")).thenReturn(Optional.of(new AccountDirectory.Contact("mark", "Mark Jansen", "m@x", "nl")));
        when(directory.contact("peter")).thenReturn(Optional.of(new AccountDirectory.Contact("peter", "Peter Bakker", "p@x", "nl")));
    }

    @Test
    void eachOwnReportWithItsStatusFeedbackAndLinkToItsPage() throws Exception {
        when(readModel.myReports("sanne")).thenReturn(List.of(
                new MyReport(new IncidentId("newer"), "sanne", null, REPORTED.plusSeconds(86400), null,
                        List.of(AggressionKind.THREAT), Severity.SERIOUS, MyReportStatus.REPORTED, List.of()),
                new MyReport(new IncidentId("older"), "sanne", null, REPORTED, REPORTED.minusSeconds(3600),
                        List.of(AggressionKind.VERBAL_ABUSE, AggressionKind.INTIMIDATION), Severity.MINOR,
                        MyReportStatus.IN_PROGRESS, List.of(
                        new MyReport.Feedback("Er is een brief gestuurd.", "peter", REPORTED.plusSeconds(7 * 86400)),
                        new MyReport.Feedback("We spreken de cli\u00ebnt aan.", "mark", REPORTED.plusSeconds(86400))))));

        String page = page(SANNE);

        assertThat(page).contains("<h1>Mijn meldingen</h1>",
                "href=\"/incidents/newer\"", "href=\"/incidents/older\"",
                "Gemeld", "In behandeling", "Bedreiging", "Intimidatie", "Ernstig", "Licht",
                "Nog geen terugkoppeling.", "Er is een brief gestuurd.", "Peter Bakker, 9 mrt",
                "We spreken de cli\u00ebnt aan.", "Mark Jansen, 3 mrt");
        assertThat(page.indexOf("/incidents/newer")).isLessThan(page.indexOf("/incidents/older"));
        assertThat(page.indexOf("Er is een brief")).isLessThan(page.indexOf("We spreken"));
    }

    @Test
    void aReportMadeOnTheirBehalfNamesWhoMadeIt() throws Exception {
        when(readModel.myReports("sanne")).thenReturn(List.of(new MyReport(new IncidentId("for-sanne"), "mark",
                "sanne", REPORTED, null, List.of(AggressionKind.THREAT), Severity.SERIOUS, MyReportStatus.CLOSED,
                List.of())));

        assertThat(page(SANNE)).contains("<dt>Gemeld door</dt>", "<dd>Mark Jansen</dd>", "Afgerond");
    }

    @Test
    void onlyTheSignedInPersonsReportsWhateverTheRequestSays() throws Exception {
        mvc.perform(get("/my-reports").param("user", "mark").param("username", "mark").with(user(SANNE)))
                .andExpect(status().isOk());

        verify(readModel).myReports("sanne");
        verify(readModel, never()).myReports("mark");
    }

    @Test
    void noReportsYetSaysSo() throws Exception {
        assertThat(page(SANNE)).contains("U heeft nog geen incidenten gemeld");
    }

    @Test
    void inEnglish() throws Exception {
        when(readModel.myReports(anyString())).thenReturn(List.of(new MyReport(new IncidentId("x"), "sanne", null,
                REPORTED, null, List.of(AggressionKind.THREAT), Severity.SERIOUS, MyReportStatus.REOPENED, List.of())));

        assertThat(mvc.perform(get("/my-reports").header("Accept-Language", "en").with(user(SANNE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("My reports", "Reopened", "No feedback yet.");
    }

    @Test
    void theHeaderCountsTheUnreadNotificationsOfTheSignedInPerson() throws Exception {
        when(unread.of("sanne")).thenReturn(3);

        assertThat(page(SANNE)).contains("<span aria-hidden=\"true\">3</span>",
                "<span class=\"visually-hidden\">3 ongelezen berichten</span>");
    }

    @Test
    void noUnreadNotificationsNoBadge() throws Exception {
        assertThat(page(SANNE)).contains(">Berichten<").doesNotContain("ongelezen");
    }

    @Test
    void signInFirst() throws Exception {
        mvc.perform(get("/my-reports")).andExpect(status().is3xxRedirection());
    }

    private String page(VwUser user) throws Exception {
        return mvc.perform(get("/my-reports").header("Accept-Language", "nl").with(user(user)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
