package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.hamcrest.Matchers.contains;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(IncidentApiController.class)
class IncidentApiControllerTest extends WebSliceTest {

    static final IncidentId ID = new IncidentId("incident-a");

    @Test
    void theIncidentCarriesTheWholeReportFlat() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(new IncidentDetails(ID, NOORD, "mark", "sanne",
                Instant.parse("2026-03-02T09:15:00Z"), null, Setting.CLIENT_HOME, Set.of(AggressionKind.THREAT),
                Severity.SEVERE, "Sloeg.", Aggressor.CLIENT, "CL-2041", Set.of(Injury.HOSPITAL_ADMISSION), true, false,
                2, 1, Instant.parse("2026-03-03T10:00:00Z"), 7)));

        mvc.perform(get("/api/incidents/incident-a").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reportedBy").value("mark"))
                .andExpect(jsonPath("$.reportedFor").value("sanne"))
                .andExpect(jsonPath("$.aggressor").value("CLIENT"))
                .andExpect(jsonPath("$.clientReference").value("CL-2041"))
                .andExpect(jsonPath("$.injuries", contains("HOSPITAL_ADMISSION")))
                .andExpect(jsonPath("$.policeInvolved").value(true))
                .andExpect(jsonPath("$.protocolVersion").value(2))
                .andExpect(jsonPath("$.amendments").value(1))
                .andExpect(jsonPath("$.lastAmendedAt").value("2026-03-03T10:00:00Z"))
                .andExpect(jsonPath("$.version").value(7))
                // the report's fields stay at the top level, as before; content() is a convenience, not a field
                .andExpect(jsonPath("$.content").doesNotExist());
    }
}
