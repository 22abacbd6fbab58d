package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.TimelineAudience;
import nl.veiligwerken.query.queries.TimelineEntry;
import nl.veiligwerken.query.queries.TimelineEntryType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
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

    static final Instant REPORTED = Instant.parse("2026-03-02T09:15:00Z");

    @Test
    void theLeaderOfTheTeamReadsTheWholeTimelineInWords() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne", null)));
        when(directory.contact("bram")).thenReturn(Optional.of(new AccountDirectory.Contact("bram", "Bram Smit", "b@x", "nl")));
        when(readModel.timeline(ID, TimelineAudience.FOLLOW_UP)).thenReturn(List.of(
                entry("e-1", TimelineEntryType.TASK_COMPLETED, null, ProtocolStep.FIRST_SUPPORT, true, null, List.of()),
                entry("e-2", TimelineEntryType.AFTERCARE_TALK, "bram", ProtocolStep.AFTERCARE_TALK, null, true,
                        List.of("PSYCHOLOGIST"))));

        mvc.perform(get("/api/incidents/incident-a/timeline").header("Accept-Language", "nl").with(user(leader(NOORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].eventId").value("e-1"))
                .andExpect(jsonPath("$[0].type").value("TASK_COMPLETED"))
                .andExpect(jsonPath("$[0].step").value("FIRST_SUPPORT"))
                .andExpect(jsonPath("$[0].late").value(true))
                .andExpect(jsonPath("$[0].badge").value("LATE"))
                .andExpect(jsonPath("$[0].summary").value("Taak gedaan: Collegiale eerste opvang aanbieden"))
                .andExpect(jsonPath("$[0].at").value("2026-03-02T09:15:00Z"))
                .andExpect(jsonPath("$[1].actor").value("bram"))
                .andExpect(jsonPath("$[1].actorName").value("Bram Smit"))
                .andExpect(jsonPath("$[1].needsMoreHelp").value(true))
                .andExpect(jsonPath("$[1].codes", contains("PSYCHOLOGIST")))
                .andExpect(jsonPath("$[1].summary").value("Nazorggesprek: het gesprek vond plaats"))
                .andExpect(jsonPath("$[1].details", contains("De collega heeft meer hulp nodig.", "Doorverwezen naar: Psycholoog")));
    }

    @Test
    void theReporterReadsTheReportersTimeline() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne", null)));

        mvc.perform(get("/api/incidents/incident-a/timeline").with(user(staff("sanne")))).andExpect(status().isOk());

        verify(readModel).timeline(ID, TimelineAudience.REPORTER);
        verify(readModel, never()).timeline(ID, TimelineAudience.FOLLOW_UP);
    }

    @Test
    void theColleagueItWasReportedForReadsTheReportersTimeline() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("mark", "sanne")));

        mvc.perform(get("/api/incidents/incident-a/timeline").with(user(staff("sanne")))).andExpect(status().isOk());

        verify(readModel).timeline(ID, TimelineAudience.REPORTER);
    }

    @Test
    void anyoneElseIsRefusedTheTimeline() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne", null)));

        mvc.perform(get("/api/incidents/incident-a/timeline").with(user(staff("kees")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/incidents/incident-a/timeline").with(user(leader(new TeamId("zuid")))))
                .andExpect(status().isForbidden());
        verify(readModel, never()).timeline(any(), any());
    }

    @Test
    void theAssignedPeerSupporterReadsTheReportAndTheReportersTimeline() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne", null)));
        when(readModel.assignedPeerSupporter(ID)).thenReturn(Optional.of("bram"));

        mvc.perform(get("/api/incidents/incident-a").with(user(peerSupporter("bram", NOORD))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("Schold."));
        mvc.perform(get("/api/incidents/incident-a/timeline").with(user(peerSupporter("bram", NOORD))))
                .andExpect(status().isOk());

        verify(readModel).timeline(ID, TimelineAudience.REPORTER);
        verify(readModel, never()).timeline(ID, TimelineAudience.FOLLOW_UP);
    }

    @Test
    void aPeerSupporterNotAssignedOrNoLongerInTheTeamIsRefused() throws Exception {
        when(readModel.incident(ID)).thenReturn(Optional.of(reportedBy("sanne", null)));
        when(readModel.assignedPeerSupporter(ID)).thenReturn(Optional.of("bram"));

        mvc.perform(get("/api/incidents/incident-a").with(user(peerSupporter("els", NOORD))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/incidents/incident-a").with(user(peerSupporter("bram", new TeamId("zuid")))))
                .andExpect(status().isForbidden());
        // the name alone is not enough: staff called bram without the role
        mvc.perform(get("/api/incidents/incident-a").with(user(staff("bram")))).andExpect(status().isForbidden());
    }

    @Test
    void anUnknownIncidentHasNoTimeline() throws Exception {
        mvc.perform(get("/api/incidents/unknown/timeline").with(user(leader(NOORD)))).andExpect(status().isNotFound());
    }

    private static VwUser staff(String username) {
        return new VwUser(username, username, username + "@x", "{noop}x", true, Set.of(Role.STAFF), Set.of(NOORD), Set.of());
    }

    private static VwUser peerSupporter(String username, TeamId team) {
        return new VwUser(username, username, username + "@x", "{noop}x", true, Set.of(Role.PEER_SUPPORTER),
                Set.of(team), Set.of());
    }

    private static IncidentDetails reportedBy(String reporter, String reportedFor) {
        return new IncidentDetails(ID, NOORD, reporter, reportedFor, REPORTED, null, Setting.OFFICE,
                Set.of(AggressionKind.VERBAL_ABUSE), Severity.MINOR, "Schold.", null, null, null, false, true, 1, 0,
                null, 1);
    }

    private static TimelineEntry entry(String eventId, TimelineEntryType type, String actor, ProtocolStep step,
                                       Boolean late, Boolean needsMoreHelp, List<String> codes) {
        return new TimelineEntry(eventId, 1, type, REPORTED, actor, null, null, step, REPORTED, "HELD", codes, late,
                needsMoreHelp, null);
    }
}
