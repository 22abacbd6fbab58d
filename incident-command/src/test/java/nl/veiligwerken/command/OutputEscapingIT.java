package nl.veiligwerken.command;

import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.command.protocol.DefaultAgreement;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static nl.veiligwerken.platform.test.InertMarkup.LINK_PAYLOAD;
import static nl.veiligwerken.platform.test.InertMarkup.PAYLOAD;
import static nl.veiligwerken.platform.test.InertMarkup.SHORT_PAYLOAD;
import static nl.veiligwerken.platform.test.InertMarkup.assertInert;
import static nl.veiligwerken.platform.test.InertMarkup.assertShownInert;
import static nl.veiligwerken.platform.test.InertMarkup.escaped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Script payloads in every free-text field of the command service's forms, and every page that shows them
 * again finds them inert: a form re-rendered with errors, the drafts, the amend form, an action to complete.
 * The payloads are stored too (the query service's own test shows them from the events). A form record that
 * gains a text field this test does not fill fails {@link #everyTextFieldOfEveryFormIsCovered}.
 */
@CommandServiceIntegrationTest
class OutputEscapingIT {

    /** Every text field of a form record or JSON body, as Record.component; each is filled with a payload below. */
    private static final Set<String> COVERED = Set.of(
            "IncidentReport.incidentId", "IncidentReport.teamId", "IncidentReport.reportedFor",
            "IncidentReport.description", "IncidentReport.clientReference",
            "ReportAmendment.reason",
            "AggressorResponseForm.explanation",
            "FeedbackForm.message",
            "AnalysisForm.causes", "AnalysisForm.riskFactors", "LearningPointRow.text",
            "MeasureRow.actionId", "MeasureRow.description", "MeasureRow.owner",
            "FollowUpActionForm.actionId", "FollowUpActionForm.description", "FollowUpActionForm.owner",
            "ActionCompletionForm.result",
            "LabourInspectorateForm.reference",
            "ClosingForm.reason",
            "PeerSupporterForm.peerSupporter",
            "ProtocolForm.retentionYears", "Row.amount");

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
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyTextFieldOfEveryFormIsCovered() {
        Set<String> textFields = new TreeSet<>();
        for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(ModelAttribute.class)
                        || parameter.hasParameterAnnotation(RequestBody.class)) {
                    collectTextFields(parameter.getGenericParameterType(), textFields);
                }
            }
        }
        assertThat(textFields).as("the form records were found").contains("IncidentReport.description");
        assertThat(COVERED).as("every text field a person can send is filled with a payload by this test")
                .containsExactlyInAnyOrderElementsOf(textFields);
    }

    private static void collectTextFields(Type type, Set<String> into) {
        if (type instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) {
                collectTextFields(argument, into);
            }
            return;
        }
        if (type instanceof Class<?> form && form.isRecord()) {
            for (RecordComponent component : form.getRecordComponents()) {
                if (component.getType() == String.class) {
                    into.add(form.getSimpleName() + "." + component.getName());
                } else {
                    collectTextFields(component.getGenericType(), into);
                }
            }
        }
    }

    @Test
    void payloadsInEveryTextFieldStayTextOnEveryPage() throws Exception {
        CommandTestUsers users = new CommandTestUsers(directory);
        for (VwUser person : Set.of(users.leader, users.colleague, users.staff, users.preventionOfficer,
                users.peerSupporter)) {
            directory.saveAccount(person.getUsername(), person.displayName(), person.email(), "{noop}x",
                    person.roles(), person.memberOf(), person.leads());
        }

        // the report form, refused (a name-like client reference, an unknown colleague) and shown again
        page("report form with errors", post("/incidents/new").with(user(users.staff)).with(csrf())
                .param("incidentId", PAYLOAD).param("teamId", PAYLOAD).param("reportedFor", PAYLOAD)
                .param("occurredAt", "2026-01-10T10:00").param("setting", "OFFICE").param("kinds", "THREAT")
                .param("severity", "MINOR").param("description", PAYLOAD).param("clientReference", PAYLOAD)
                .param("supportWanted", "true"), PAYLOAD);

        // kept as a draft, listed (its beginning) and opened again
        String draftId = UUID.randomUUID().toString();
        mvc.perform(post("/incidents/new").with(user(users.staff)).with(csrf()).param("incidentId", draftId)
                        .param("teamId", users.team.value()).param("reportedFor", LINK_PAYLOAD)
                        .param("description", PAYLOAD).param("clientReference", LINK_PAYLOAD).param("saveDraft", "true"))
                .andExpect(status().is3xxRedirection());
        String drafts = body(mvc.perform(get("/drafts").with(user(users.staff))));
        assertShownInert("drafts", drafts, PAYLOAD.substring(0, 40));
        String draft = body(mvc.perform(get("/incidents/new").param("draft", draftId).with(user(users.staff))));
        assertShownInert("draft opened", draft, PAYLOAD);
        assertThat(draft).contains(escaped(LINK_PAYLOAD));

        // reported, with the payload as its description
        String id = UUID.randomUUID().toString();
        mvc.perform(post("/incidents/new").with(user(users.staff)).with(csrf()).param("incidentId", id)
                        .param("teamId", users.team.value()).param("occurredAt", "2026-01-10T10:00")
                        .param("setting", "OFFICE").param("kinds", "THREAT").param("severity", "MINOR")
                        .param("aggressor", "CLIENT").param("clientReference", "CL-1234")
                        .param("description", PAYLOAD).param("supportWanted", "true"))
                .andExpect(status().is3xxRedirection());
        assertInert("reported", body(mvc.perform(get("/incidents/" + id + "/reported").with(user(users.staff)))));

        // the JSON API answers JSON, never a page, also when it refuses the payload
        mvc.perform(post("/api/incidents").with(user(users.staff)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"teamId":"%s","occurredAt":"2026-01-10T10:00","setting":"OFFICE","kinds":["THREAT"],
                                 "severity":"MINOR","description":"x","clientReference":"%s","supportWanted":true}"""
                                .formatted(users.team.value(), json(PAYLOAD))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));

        // the amend form shows the report as it reads; refused and accepted with a payload reason
        assertShownInert("amend form", body(mvc.perform(get("/incidents/" + id + "/amend").with(user(users.staff)))),
                PAYLOAD);
        page("amend form, tampered", amend(id, users.staff, "abc").param("report.clientReference", PAYLOAD), null);
        page("amend form with errors", amend(id, users.staff, String.valueOf(version(id)))
                .param("report.clientReference", PAYLOAD), PAYLOAD);
        mvc.perform(amend(id, users.staff, String.valueOf(version(id))).param("report.clientReference", "CL-1234"))
                .andExpect(status().is3xxRedirection());
        assertShownInert("amend form after amending",
                body(mvc.perform(get("/incidents/" + id + "/amend").with(user(users.staff)))), PAYLOAD);

        // each step's form: refused and shown again with the payloads, then recorded; a version that cannot be
        // read (a tampered page) leaves no form object, and the page still shows what was sent
        page("peer supporter, tampered", step(id, "peer-supporter", users.leader, "abc")
                .param("peerSupporter", PAYLOAD), null);
        page("peer supporter with errors", step(id, "peer-supporter", users.leader, String.valueOf(version(id)))
                .param("peerSupporter", PAYLOAD), null);
        page("aggressor response with errors", step(id, "aggressor-response", users.leader, String.valueOf(version(id)))
                .param("respondedAt", now()).param("explanation", PAYLOAD), PAYLOAD);
        recorded(step(id, "aggressor-response", users.leader, String.valueOf(version(id)))
                .param("responses", "LETTER").param("respondedAt", now()).param("explanation", PAYLOAD));

        page("feedback with errors", step(id, "feedback", users.leader, String.valueOf(version(id)))
                .param("message", PAYLOAD.repeat(40)), PAYLOAD);
        recorded(step(id, "feedback", users.leader, String.valueOf(version(id))).param("message", PAYLOAD));

        page("action with errors", step(id, "actions", users.leader, String.valueOf(version(id)))
                .param("actionId", PAYLOAD).param("kind", "OTHER").param("description", PAYLOAD)
                .param("owner", PAYLOAD).param("dueAt", inDays(7)), PAYLOAD);
        String actionId = UUID.randomUUID().toString();
        recorded(step(id, "actions", users.leader, String.valueOf(version(id))).param("actionId", actionId)
                .param("kind", "OTHER").param("description", PAYLOAD)
                .param("owner", users.colleague.getUsername()).param("dueAt", inDays(7)));
        String complete = "actions/" + actionId + "/complete";
        assertShownInert("action to complete",
                body(mvc.perform(get("/incidents/" + id + "/" + complete).with(user(users.colleague)))), PAYLOAD);
        page("action completion with errors", step(id, complete, users.colleague, String.valueOf(version(id)))
                .param("result", PAYLOAD), PAYLOAD);
        recorded(step(id, complete, users.colleague, String.valueOf(version(id)))
                .param("result", PAYLOAD).param("completedAt", now()));

        MockHttpServletRequestBuilder analysis = step(id, "analysis", users.preventionOfficer, String.valueOf(version(id)))
                .param("causes", PAYLOAD).param("riskFactors", PAYLOAD).param("learningPoints[0].text", PAYLOAD)
                .param("measures[0].actionId", PAYLOAD).param("measures[0].description", PAYLOAD)
                .param("measures[0].owner", PAYLOAD).param("measures[0].dueAt", inDays(30));
        page("analysis with errors", analysis, PAYLOAD);
        recorded(step(id, "analysis", users.preventionOfficer, String.valueOf(version(id)))
                .param("causes", PAYLOAD).param("riskFactors", PAYLOAD)
                .param("learningPoints[0].level", "TEAM").param("learningPoints[0].text", PAYLOAD)
                .param("measures[0].actionId", UUID.randomUUID().toString()).param("measures[0].description", PAYLOAD)
                .param("measures[0].owner", users.leader.getUsername()).param("measures[0].dueAt", inDays(30)));

        // too long for the reference field: shown again with the error, then a payload that fits is recorded
        page("labour inspectorate with errors", step(id, "labour-inspectorate", users.leader, String.valueOf(version(id)))
                .param("notifiedAt", now()).param("reference", PAYLOAD), PAYLOAD);
        recorded(step(id, "labour-inspectorate", users.leader, String.valueOf(version(id)))
                .param("notifiedAt", now()).param("reference", SHORT_PAYLOAD));

        // reopening asks why: the incident is open, so the page says so and shows the reason with the refusal
        page("reopen refused", post("/incidents/" + id + "/reopen").with(user(users.leader)).with(csrf())
                .param("expectedVersion", "abc").param("reason", PAYLOAD), null);
        page("close refused", post("/incidents/" + id + "/close").with(user(users.leader)).with(csrf())
                .param("expectedVersion", String.valueOf(version(id))).param("reason", PAYLOAD), null);

        // the agreements' numbers are typed as text: shown again, with the error, as typed
        page("agreements with errors", protocolForm(PAYLOAD).with(user(users.preventionOfficer)), PAYLOAD);
        assertInert("agreements", body(mvc.perform(get("/protocol").with(user(users.preventionOfficer)))));

        assertThat(new StoredEvents(eventStore, jsonMapper).typedJson(id).stream()
                .filter(event -> event.contains("onerror=alert(1)")).count())
                .as("the payloads were accepted as text and stored as typed")
                .isGreaterThanOrEqualTo(7);
    }

    /** The page the request answers with: shown (200), inert, and with {@code payload} on it as text when given. */
    private void page(String what, MockHttpServletRequestBuilder request, String payload) throws Exception {
        String html = body(mvc.perform(request).andExpect(status().isOk()));
        if (payload == null) {
            assertInert(what, html);
        } else {
            assertShownInert(what, html, payload);
        }
    }

    private void recorded(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder step(String id, String page, VwUser person, String expectedVersion) {
        return post("/incidents/" + id + "/" + page).with(user(person)).with(csrf())
                .param("expectedVersion", expectedVersion);
    }

    private MockHttpServletRequestBuilder amend(String id, VwUser person, String expectedVersion) {
        return post("/incidents/" + id + "/amend").with(user(person)).with(csrf())
                .param("expectedVersion", expectedVersion).param("reason", PAYLOAD)
                .param("report.occurredAt", "2026-01-10T10:00").param("report.setting", "OFFICE")
                .param("report.kinds", "THREAT").param("report.severity", "MINOR")
                .param("report.aggressor", "CLIENT").param("report.description", PAYLOAD);
    }

    private static MockHttpServletRequestBuilder protocolForm(String text) {
        MockHttpServletRequestBuilder form = post("/protocol/edit").with(csrf())
                .param("basedOnVersion", "1").param("retentionYears", text);
        List<StepAgreement> steps = DefaultAgreement.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepAgreement step = steps.get(i);
            String row = "steps[" + i + "].";
            form.param(row + "step", step.step().name()).param(row + "assignee", step.assignee().name())
                    .param(row + "escalateTo", step.escalateTo().name());
            if (step.step() != ProtocolStep.LABOUR_INSPECTORATE) {
                form.param(row + "requiredFrom", step.requiredFrom().name()).param(row + "amount", text)
                        .param(row + "unit", step.due().unit().name());
            }
        }
        return form;
    }

    private long version(String id) {
        return jdbc.queryForObject("select version from command.incident_lookup where incident_id = ?", Long.class, id);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String now() {
        return LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String inDays(int days) {
        return LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).plusDays(days).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
