package nl.veiligwerken.command;

import java.util.Set;
import nl.veiligwerken.api.Role;
import com.jayway.jsonpath.JsonPath;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The full report: on behalf of a colleague, client number, injuries, drafts, and amendments that keep history. */
@CommandServiceIntegrationTest
class ReportingIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    @Autowired
    tools.jackson.databind.json.JsonMapper jsonMapper;
    @Autowired
    AccountDirectory directory;
    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

    CommandTestUsers users;
    VwUser staff;

    @BeforeEach
    void setUp() {
        users = new CommandTestUsers(directory);
        staff = users.staff;
        for (VwUser person : List.of(users.staff, users.colleague, users.leader)) {
            directory.saveAccount(person.getUsername(), person.displayName(), person.email(), "{noop}x",
                    person.roles(), person.memberOf(), person.leads());
        }
    }

    /** As the services read them: the personal fields are encrypted in the table. */
    private List<String> payloads(String incidentId) {
        return new StoredEvents(eventStore, jsonMapper).typedJson(incidentId);
    }

    private String report(String body) throws Exception {
        String answer = mvc.perform(post("/api/incidents").with(user(staff)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.incidentId");
    }

    private String body(String extra) {
        return """
                {"teamId":"%s","occurredAt":"2026-01-10T10:00","setting":"OFFICE","kinds":["THREAT"],"severity":"MINOR",
                 "description":"Dreigde met een stoel","supportWanted":true%s}""".formatted(users.team.value(), extra);
    }

    @Test
    void theFormOffersTheColleaguesOfTheTeamAndTheNewQuestions() throws Exception {
        mvc.perform(get("/incidents/new").with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Voor wie meld je?")))
                .andExpect(content().string(containsString("value=\"" + users.colleague.getUsername() + "\"")))
                .andExpect(content().string(containsString("name=\"clientReference\"")))
                .andExpect(content().string(containsString("value=\"HOSPITAL_ADMISSION\"")))
                .andExpect(content().string(containsString("name=\"saveDraft\"")));
    }

    @Test
    void aReportOnBehalfOfAColleagueIsForThatColleague() throws Exception {
        String id = report(body(",\"reportedFor\":\"" + users.colleague.getUsername() + "\""));
        assertThat(payloads(id).get(0)).contains("\"reportedBy\":\"" + staff.getUsername() + "\"")
                .contains("\"reportedFor\":\"" + users.colleague.getUsername() + "\"");
    }

    @Test
    void someoneOutsideTheTeamCannotBeReportedFor() throws Exception {
        mvc.perform(post("/api/incidents").with(user(staff)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(",\"reportedFor\":\"" + users.otherLeader.getUsername() + "\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reportedFor"))
                .andExpect(jsonPath("$.errors[0].message").value("Kies een collega uit het team."));
    }

    /**
     * PostgreSQL itself refuses to commit a transaction in which a statement failed; a failure raised in Java by
     * the lookup's handler must fail the command too, rather than be logged and committed (Axon's default).
     */
    @Test
    void aReportWhoseLookupCannotBeWrittenIsNotStoredEither() throws Exception {
        assertThat(processing.listenerInvocationErrorHandler("incident-lookup"))
                .isInstanceOf(org.axonframework.eventhandling.PropagatingErrorHandler.class);
        jdbc.execute("""
                create or replace function command.refuse_marked_lookup() returns trigger language plpgsql as $$
                begin
                    if new.content::text like '%LOOKUP-REFUSED%' then raise exception 'lookup refused'; end if;
                    return new;
                end $$""");
        jdbc.execute("create trigger refuse_marked_lookup before insert on command.incident_lookup"
                + " for each row execute function command.refuse_marked_lookup()");
        try {
            long before = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class);
            String id = UUID.randomUUID().toString();
            mvc.perform(post("/api/incidents").with(user(staff)).contentType(MediaType.APPLICATION_JSON)
                            .content(body(",\"incidentId\":\"" + id + "\"").replace("Dreigde met een stoel", "LOOKUP-REFUSED")))
                    .andExpect(status().is5xxServerError());
            assertThat(jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class))
                    .as("no event without its lookup row").isEqualTo(before);
        } finally {
            jdbc.execute("drop trigger refuse_marked_lookup on command.incident_lookup");
            jdbc.execute("drop function command.refuse_marked_lookup()");
        }
    }

    @Test
    void aClientIsNamedByNumberNeverByName() throws Exception {
        long before = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class);
        mvc.perform(post("/api/incidents").with(user(staff)).contentType(MediaType.APPLICATION_JSON)
                        .content(body(",\"aggressor\":\"CLIENT\",\"clientReference\":\"Jan de Vries\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clientReference"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("nooit een naam")));
        mvc.perform(post("/incidents/new").with(user(staff)).with(csrf())
                        .param("teamId", users.team.value()).param("occurredAt", "2026-01-10T10:00")
                        .param("setting", "OFFICE").param("kinds", "THREAT").param("severity", "MINOR")
                        .param("description", "x").param("supportWanted", "true")
                        .param("aggressor", "CLIENT").param("clientReference", "Jan"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("nooit een naam")));
        assertThat(jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class))
                .as("nothing stored").isEqualTo(before);
    }

    @Test
    void aDescriptionThatSeemsToNameSomeoneIsHeldBackWithAWarningUntilTheSenderSaysItIsMeant() throws Exception {
        long before = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class);
        String id = UUID.randomUUID().toString();
        String named = "Vandaag sloeg Jan Jansen mij; zijn moeder belde daarna 06-12345678.";
        mvc.perform(post("/incidents/new").with(user(staff)).with(csrf()).param("incidentId", id)
                        .param("teamId", users.team.value()).param("occurredAt", "2026-01-10T10:00")
                        .param("setting", "OFFICE").param("kinds", "THREAT").param("severity", "MINOR")
                        .param("description", named).param("supportWanted", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dit lijkt een telefoonnummer te bevatten (\u201e06-12345678\u201d)")))
                .andExpect(content().string(containsString("name=\"acknowledgeNamesWarning\"")))
                .andExpect(content().string(containsString("Toch opslaan")));
        mvc.perform(post("/api/incidents").with(user(staff)).contentType(MediaType.APPLICATION_JSON)
                        .content(body("").replace("Dreigde met een stoel", "Dreigde, mevrouw Jansen keek toe")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.acknowledgeWith").value("acknowledgeNamesWarning"))
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("een naam")));
        assertThat(jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class))
                .as("nothing stored while the warning stands").isEqualTo(before);

        // a draft is the writer's own: kept as it is, the warning comes when it is sent
        mvc.perform(post("/incidents/new").with(user(staff)).with(csrf()).param("incidentId", id)
                        .param("teamId", users.team.value()).param("description", named).param("saveDraft", "true"))
                .andExpect(redirectedUrl("/drafts"));

        mvc.perform(post("/incidents/new").with(user(staff)).with(csrf()).param("incidentId", id)
                        .param("teamId", users.team.value()).param("occurredAt", "2026-01-10T10:00")
                        .param("setting", "OFFICE").param("kinds", "THREAT").param("severity", "MINOR")
                        .param("description", named).param("supportWanted", "true")
                        .param("acknowledgeNamesWarning", "true"))
                .andExpect(redirectedUrl("/incidents/" + id + "/reported"));
        assertThat(payloads(id).get(0)).contains("Jan Jansen");
        String viaApi = report(body(",\"acknowledgeNamesWarning\":true")
                .replace("Dreigde met een stoel", "Dreigde, mevrouw Jansen keek toe"));
        assertThat(payloads(viaApi).get(0)).contains("mevrouw Jansen");

        // an amendment is checked the same way
        mvc.perform(post("/incidents/" + id + "/amend").with(user(staff)).with(csrf())
                        .param("expectedVersion", "3").param("reason", "Mail toegevoegd")
                        .param("report.occurredAt", "2026-01-10T10:00").param("report.setting", "OFFICE")
                        .param("report.kinds", "THREAT").param("report.severity", "MINOR")
                        .param("report.description", "Hij mailde naar jan@example.nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dit lijkt een e-mailadres te bevatten")))
                .andExpect(content().string(containsString("name=\"report.acknowledgeNamesWarning\"")));
        mvc.perform(post("/api/incidents/" + id + "/amend").with(user(staff)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"expectedVersion":3,"reason":"Mail","report":{"occurredAt":"2026-01-10T10:00",
                                 "setting":"OFFICE","kinds":["THREAT"],"severity":"MINOR",
                                 "description":"Hij mailde naar jan@example.nl","supportWanted":true}}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("report.description"));
        assertThat(payloads(id)).noneMatch(e -> e.contains("ReportAmendedEvent"));
    }

    @Test
    void aSeriousInjuryMakesTheLabourInspectorateTaskDueTheSameDay() throws Exception {
        String id = report(body(",\"injuries\":[\"LASTING_PSYCHOLOGICAL_HARM\"],\"policeInvolved\":true"));
        String task = payloads(id).stream().filter(p -> p.contains("LABOUR_INSPECTORATE")).findFirst().orElseThrow();
        // due at the end of the report's day in Amsterdam: 22:59:59 or 23:59:59 UTC
        assertThat(task).containsPattern("\"dueAt\":\"\\d{4}-\\d{2}-\\d{2}T2[23]:59:59\\.999999Z\"");
    }

    @Test
    void aDraftIsKeptForItsOwnerAndGoneOnceTheReportIsSent() throws Exception {
        String id = UUID.randomUUID().toString();
        mvc.perform(post("/incidents/new").with(user(staff)).with(csrf())
                        .param("incidentId", id).param("teamId", users.team.value())
                        .param("description", "Half af").param("saveDraft", "true"))
                .andExpect(redirectedUrl("/drafts"));
        mvc.perform(get("/drafts").with(user(staff)))
                .andExpect(content().string(containsString("Half af")))
                .andExpect(content().string(containsString("/incidents/new?draft=" + id)));
        mvc.perform(get("/drafts").with(user(users.colleague)))
                .andExpect(content().string(not(containsString("Half af"))));
        mvc.perform(get("/incidents/new").param("draft", id).with(user(users.colleague)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/incidents/new").param("draft", id).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Half af")))
                .andExpect(content().string(containsString("value=\"" + id + "\"")));
        assertThat(jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, id)).as("a draft is not a report").isZero();

        mvc.perform(post("/incidents/new").with(user(staff)).with(csrf())
                        .param("incidentId", id).param("teamId", users.team.value()).param("occurredAt", "2026-01-10T10:00")
                        .param("setting", "OFFICE").param("kinds", "THREAT").param("severity", "MINOR")
                        .param("description", "Half af, nu af").param("supportWanted", "true"))
                .andExpect(redirectedUrl("/incidents/" + id + "/reported"));
        mvc.perform(get("/api/drafts/" + id).with(user(staff))).andExpect(status().isNotFound());
    }

    @Test
    void draftsThroughTheApi() throws Exception {
        String id = UUID.randomUUID().toString();
        mvc.perform(put("/api/drafts/" + id).with(user(staff)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\":\"" + users.team.value() + "\",\"description\":\"Concept via API\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.draftId").value(id));
        mvc.perform(get("/api/drafts").with(user(staff)))
                .andExpect(jsonPath("$[0].report.description").value("Concept via API"));
        mvc.perform(delete("/api/drafts/" + id).with(user(users.colleague))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/drafts/" + id).with(user(staff))).andExpect(status().isNoContent());
        mvc.perform(get("/api/drafts").with(user(staff))).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void anAmendmentKeepsTheHistoryAndSchedulesWhatTheNewReportRequires() throws Exception {
        String id = report(body(""));
        long version = ((Number) JsonPath.read(mvc.perform(get("/api/incidents/" + id + "/version").with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.version")).longValue();
        assertThat(version).isEqualTo(3);

        String amendment = """
                {"expectedVersion":%d,"reason":"Later bleek het ernstiger","report":{"occurredAt":"2026-01-10T10:00",
                 "setting":"OFFICE","kinds":["THREAT","PHYSICAL_VIOLENCE"],"severity":"SERIOUS","aggressor":"CLIENT",
                 "clientReference":"CL-88","description":"Dreigde en sloeg daarna"}}""";
        mvc.perform(post("/api/incidents/" + id + "/amend").with(user(users.otherLeader))
                        .contentType(MediaType.APPLICATION_JSON).content(amendment.formatted(version)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/incidents/" + id + "/amend").with(user(staff))
                        .contentType(MediaType.APPLICATION_JSON).content(amendment.formatted(version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(6));
        mvc.perform(post("/api/incidents/" + id + "/amend").with(user(staff))
                        .contentType(MediaType.APPLICATION_JSON).content(amendment.formatted(version)))
                .andExpect(status().isConflict());

        List<String> events = payloads(id);
        assertThat(events.get(0)).as("the original report stays as it was").contains("Dreigde met een stoel");
        assertThat(events.get(4)).startsWith("nl.veiligwerken.api.reporting.ReportAmendedEvent")
                .contains("Dreigde en sloeg daarna").contains("Later bleek het ernstiger");
        assertThat(events.subList(5, 7)).as("serious with a known aggressor: now also these steps")
                .anyMatch(e -> e.contains("\"step\":\"AGGRESSOR_RESPONSE\""))
                .anyMatch(e -> e.contains("\"step\":\"INCIDENT_ANALYSIS\""));

        mvc.perform(get("/incidents/" + id + "/amend").with(user(users.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dreigde en sloeg daarna")))
                .andExpect(content().string(containsString("value=\"CL-88\"")))
                .andExpect(content().string(containsString("name=\"expectedVersion\" value=\"6\"")));
    }

    @Test
    void aReporterWhoHasLeftTheTeamStillCorrectsTheirReport() throws Exception {
        String id = report(body(""));
        VwUser movedOn = new VwUser(staff.getUsername(), "Sanne Test", "sanne@example.test", "{noop}x", true,
                Set.of(Role.STAFF), Set.of(), Set.of());

        mvc.perform(post("/incidents/" + id + "/amend").with(user(movedOn)).with(csrf())
                        .param("expectedVersion", "3").param("reason", "Tijdstip klopte niet")
                        .param("report.occurredAt", "2026-01-10T09:30").param("report.setting", "OFFICE")
                        .param("report.kinds", "THREAT").param("report.severity", "MINOR")
                        .param("report.description", "Dreigde met een stoel"))
                .andExpect(redirectedUrl("/incidents/" + id + "/amend"));
        assertThat(payloads(id)).anyMatch(e -> e.contains("ReportAmendedEvent") && e.contains("Tijdstip klopte niet"));
    }

    @Test
    void theAmendFormNeedsAReasonAndShowsTheMessageOnTheRightField() throws Exception {
        String id = report(body(""));
        mvc.perform(post("/incidents/" + id + "/amend").with(user(staff)).with(csrf())
                        .param("expectedVersion", "3").param("reason", "")
                        .param("report.occurredAt", "2026-01-10T10:00").param("report.setting", "OFFICE")
                        .param("report.kinds", "THREAT").param("report.severity", "MINOR")
                        .param("report.description", "Aangepast").param("report.clientReference", "Piet"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Geef aan wat je aanpast en waarom.")))
                .andExpect(content().string(containsString("nooit een naam")));
        mvc.perform(post("/incidents/" + id + "/amend").with(user(staff)).with(csrf())
                        .param("expectedVersion", "3").param("reason", "Beschrijving aangevuld")
                        .param("report.occurredAt", "2026-01-10T10:00").param("report.setting", "OFFICE")
                        .param("report.kinds", "THREAT").param("report.severity", "MINOR")
                        .param("report.description", "Aangepast"))
                .andExpect(redirectedUrl("/incidents/" + id + "/amend"));
        assertThat(payloads(id)).anyMatch(e -> e.contains("ReportAmendedEvent") && e.contains("Aangepast"));
    }
}
