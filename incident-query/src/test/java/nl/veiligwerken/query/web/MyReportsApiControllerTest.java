package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.MyReport;
import nl.veiligwerken.query.queries.MyReportStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.hamcrest.Matchers.contains;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(MyReportsApiController.class)
class MyReportsApiControllerTest extends WebSliceTest {

    static final VwUser SANNE = new VwUser("sanne", "Sanne de Vries", "s@x", "{noop}x", true, Set.of(Role.STAFF),
            Set.of(NOORD), Set.of());

    @Test
    void theSignedInPersonsReportsWithStatusInWordsAndFeedback() throws Exception {
        when(directory.contact("mark")).thenReturn(Optional.of(new AccountDirectory.Contact("mark", "Mark Jansen", "m@x", "nl")));
        when(readModel.myReports("sanne")).thenReturn(List.of(new MyReport(new IncidentId("incident-a"), "mark",
                "sanne", Instant.parse("2026-03-02T09:15:00Z"), null, List.of(AggressionKind.THREAT), Severity.SERIOUS,
                MyReportStatus.IN_PROGRESS, List.of(new MyReport.Feedback("Brief gestuurd.", "mark",
                Instant.parse("2026-03-04T10:00:00Z"))))));

        mvc.perform(get("/api/my-reports").param("user", "mark").header("Accept-Language", "nl").with(user(SANNE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].incidentId").value("incident-a"))
                .andExpect(jsonPath("$[0].reportedBy").value("mark"))
                .andExpect(jsonPath("$[0].reportedFor").value("sanne"))
                .andExpect(jsonPath("$[0].reportedAt").value("2026-03-02T09:15:00Z"))
                .andExpect(jsonPath("$[0].kinds", contains("THREAT")))
                .andExpect(jsonPath("$[0].severity").value("SERIOUS"))
                .andExpect(jsonPath("$[0].status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$[0].statusText").value("In behandeling"))
                .andExpect(jsonPath("$[0].feedback[0].message").value("Brief gestuurd."))
                .andExpect(jsonPath("$[0].feedback[0].givenBy").value("mark"))
                .andExpect(jsonPath("$[0].feedback[0].givenByName").value("Mark Jansen"))
                .andExpect(jsonPath("$[0].feedback[0].givenAt").value("2026-03-04T10:00:00Z"))
                .andExpect(jsonPath("$[0].path").value("/incidents/incident-a"));

        verify(readModel, never()).myReports("mark");
    }

    @Test
    void notSignedInIsUnauthorised() throws Exception {
        mvc.perform(get("/api/my-reports").header("Accept", "application/json")).andExpect(status().isUnauthorized());
    }
}
