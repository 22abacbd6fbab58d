package nl.veiligwerken.command;

import com.jayway.jsonpath.JsonPath;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.command.protocol.DefaultAgreement;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.test.OwnTestDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The agreements page and API on a real event store: everyone reads them, a prevention officer adopts a new
 * version, and an incident is held to the version in force when it was reported. The tests run in order, as
 * the versions follow each other. A database of its own: the other ITs count on version 1.
 */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@org.springframework.kafka.test.context.EmbeddedKafka(partitions = 1, topics = "incident-events")
@ContextConfiguration(initializers = ProtocolAgreementsIT.OwnDatabase.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProtocolAgreementsIT {

    /** A database no other IT uses: this one adopts versions the others must not see. */
    static class OwnDatabase extends OwnTestDatabase {

        @Override
        protected String name() {
            return "protocol_agreements_it";
        }
    }

    private static final String STALE = "Iemand anders heeft intussen een nieuwe versie van de werkafspraken vastgesteld";
    private static final String OUT_OF_RANGE = "Vul een geheel getal van 1 tot ten hoogste een jaar in";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountDirectory directory;
    @Autowired
    EventStore eventStore;

    CommandTestUsers users;

    @BeforeEach
    void setUp() {
        users = new CommandTestUsers(directory);
    }

    /** The page form with the defaults, except the amounts given (by step), based on {@code basedOn}. */
    private static MockHttpServletRequestBuilder pageForm(int basedOn, Map<ProtocolStep, String> amounts, String retention) {
        return pageForm(basedOn, amounts, retention, Map.of());
    }

    /** ... and with {@code replaced} parameters sent with another value. */
    private static MockHttpServletRequestBuilder pageForm(int basedOn, Map<ProtocolStep, String> amounts, String retention,
                                                          Map<String, String> replaced) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("basedOnVersion", String.valueOf(basedOn));
        params.put("retentionYears", retention);
        List<StepAgreement> steps = DefaultAgreement.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepAgreement step = steps.get(i);
            String row = "steps[" + i + "].";
            params.put(row + "step", step.step().name());
            params.put(row + "assignee", step.assignee().name());
            params.put(row + "escalateTo", step.escalateTo().name());
            if (step.step() == ProtocolStep.LABOUR_INSPECTORATE) {
                continue; // set by law: the page has no fields for it
            }
            params.put(row + "requiredFrom", step.requiredFrom().name());
            params.put("_" + row + "requiredForKinds", "on");
            params.put(row + "amount", amounts.getOrDefault(step.step(), String.valueOf(step.due().amount())));
            params.put(row + "unit", step.due().unit().name());
        }
        params.putAll(replaced);
        MockHttpServletRequestBuilder form = post("/protocol/edit").with(csrf());
        params.forEach(form::param);
        return form;
    }

    /** The same as JSON; {@code firstSupportAmount} is written as it is (a number, or a quoted text). */
    private static String apiBody(int basedOn, String firstSupportAmount, int retention) {
        StringBuilder steps = new StringBuilder();
        for (StepAgreement step : DefaultAgreement.steps()) {
            if (!steps.isEmpty()) {
                steps.append(',');
            }
            boolean law = step.step() == ProtocolStep.LABOUR_INSPECTORATE;
            String amount = law ? "null" : step.step() == ProtocolStep.FIRST_SUPPORT ? firstSupportAmount
                    : String.valueOf(step.due().amount());
            steps.append("""
                    {"step":"%s","requiredFrom":%s,"requiredForKinds":[],"assignee":"%s","amount":%s,"unit":%s,"escalateTo":"%s"}"""
                    .formatted(step.step(), law ? "null" : '"' + step.requiredFrom().name() + '"', step.assignee(),
                            amount, law ? "null" : '"' + step.due().unit().name() + '"', step.escalateTo()));
        }
        return """
                {"basedOnVersion":%d,"steps":[%s],"retentionYears":%d}""".formatted(basedOn, steps, retention);
    }

    private int currentVersion() throws Exception {
        String body = mvc.perform(get("/api/protocol").with(user(users.staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.version");
    }

    private List<Object> events(String incidentId) {
        return eventStore.readEvents(incidentId).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private Duration firstSupportDueAfter(String incidentId) {
        TaskScheduledEvent task = events(incidentId).stream()
                .filter(TaskScheduledEvent.class::isInstance).map(TaskScheduledEvent.class::cast)
                .filter(t -> t.step() == ProtocolStep.FIRST_SUPPORT).findFirst().orElseThrow();
        return Duration.between(task.scheduledAt(), task.dueAt());
    }

    private int protocolVersionOf(String incidentId) {
        return events(incidentId).stream().filter(IncidentReportedEvent.class::isInstance)
                .map(IncidentReportedEvent.class::cast).findFirst().orElseThrow().protocolVersion();
    }

    @Test
    @Order(1)
    void everyoneReadsTheDefaultsOfVersion1() throws Exception {
        mvc.perform(get("/protocol").with(user(users.staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Versie 1, geldt sinds het begin")))
                .andExpect(content().string(containsString("24 uur na de melding")))
                .andExpect(content().string(containsString("72 uur na de melding")))
                .andExpect(content().string(containsString("7 werkdagen na de melding")))
                .andExpect(content().string(containsString("14 dagen na het eerste nazorggesprek")))
                .andExpect(content().string(containsString("dezelfde dag, zo staat het in de wet")))
                .andExpect(content().string(containsString("5 jaar na het afsluiten")))
                .andExpect(content().string(containsString("href=\"/protocol/versions/1\"")))
                .andExpect(content().string(not(containsString("/protocol/edit"))));
        mvc.perform(get("/protocol/versions/1").with(user(users.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("24 uur na de melding")));
        mvc.perform(get("/protocol/versions/42").with(user(users.staff))).andExpect(status().isNotFound());

        mvc.perform(get("/api/protocol").with(user(users.staff)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.retentionYears").value(5))
                .andExpect(jsonPath("$.steps[?(@.step == 'FIRST_SUPPORT')].amount").value(hasItem(24)))
                .andExpect(jsonPath("$.steps[?(@.step == 'FIRST_SUPPORT')].unit").value(hasItem("HOURS")));
        mvc.perform(get("/api/protocol/versions").with(user(users.staff)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].adoptedBy").value("system"));
        mvc.perform(get("/api/protocol/versions/42").with(user(users.staff)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Niet gevonden."));
    }

    @Test
    @Order(2)
    void onlyAPreventionOfficerMayAdoptAVersion() throws Exception {
        mvc.perform(get("/protocol/edit").with(user(users.leader))).andExpect(status().isForbidden());
        mvc.perform(pageForm(1, Map.of(), "5").with(user(users.leader))).andExpect(status().isForbidden());
        mvc.perform(post("/api/protocol").with(user(users.leader)).contentType(MediaType.APPLICATION_JSON)
                        .content(apiBody(1, "12", 5)))
                .andExpect(status().isForbidden());
        assertThat(currentVersion()).isEqualTo(1);

        mvc.perform(get("/protocol/edit").with(user(users.preventionOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"steps0.amount\">")))
                .andExpect(content().string(containsString("id=\"steps0.amount\" name=\"steps[0].amount\" value=\"24\"")))
                .andExpect(content().string(containsString("inputmode=\"numeric\"")))
                .andExpect(content().string(containsString("name=\"basedOnVersion\" value=\"1\"")))
                .andExpect(content().string(containsString("Termijn: dezelfde dag, zo staat het in de wet")));
    }

    @Test
    @Order(3)
    void onThePageABadAmountIsNamedOnItsField() throws Exception {
        Map<String, String> expected = Map.of(
                "0", "protocol.rejected.amountOutOfRange",
                "-1", "protocol.rejected.amountOutOfRange",
                "9999999999", "protocol.rejected.amountOutOfRange",
                "abc", "protocol.amount.notWhole",
                "", "protocol.amount.required");
        for (Map.Entry<String, String> bad : expected.entrySet()) {
            // FIRST_SUPPORT is the first row of the form
            mvc.perform(pageForm(1, Map.of(ProtocolStep.FIRST_SUPPORT, bad.getKey()), "5").with(user(users.preventionOfficer)))
                    .andExpect(status().isOk())
                    .andExpect(view().name("protocol/edit"))
                    .andExpect(model().attributeHasFieldErrorCode("protocol", "steps[0].amount", bad.getValue()))
                    .andExpect(model().attributeErrorCount("protocol", 1))
                    .andExpect(content().string(containsString("id=\"steps0.amount-error\"")))
                    .andExpect(content().string(containsString(switch (bad.getValue()) {
                        case "protocol.amount.notWhole" -> "Vul een geheel getal in, bijvoorbeeld 24.";
                        case "protocol.amount.required" -> "Vul een termijn in: een geheel getal.";
                        default -> OUT_OF_RANGE;
                    })));
        }
        mvc.perform(pageForm(1, Map.of(ProtocolStep.SECOND_CHECK_IN, "7"), "31").with(user(users.preventionOfficer)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("protocol", "steps[3].amount", "protocol.rejected.secondCheckInNotLater"))
                .andExpect(model().attributeHasFieldErrorCode("protocol", "retentionYears", "protocol.rejected.retentionYears"))
                .andExpect(model().attributeErrorCount("protocol", 2))
                .andExpect(content().string(containsString("De tweede check-in moet later vallen dan de eerste.")));
        // a value no select offers: named on its field, not a failure
        for (String field : List.of("steps[1].unit", "steps[1].assignee", "steps[1].requiredForKinds")) {
            mvc.perform(pageForm(1, Map.of(), "5", Map.of(field, "WEEKS")).with(user(users.preventionOfficer)))
                    .andExpect(status().isOk())
                    .andExpect(view().name("protocol/edit"))
                    .andExpect(model().attributeHasFieldErrorCode("protocol", field, "protocol.edit.unknownChoice"))
                    .andExpect(content().string(containsString("Kies een van de mogelijkheden uit de lijst.")));
        }
        mvc.perform(pageForm(1, Map.of(), "5", Map.of("basedOnVersion", "abc")).with(user(users.preventionOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dit formulier is niet meer geldig. Laad de pagina opnieuw.")));
        assertThat(currentVersion()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void inTheApiABadAmountIsA400NamingTheField() throws Exception {
        for (String bad : List.of("0", "-1", "\"abc\"", "\"\"", "null", "9999999999")) {
            mvc.perform(post("/api/protocol").with(user(users.preventionOfficer)).contentType(MediaType.APPLICATION_JSON)
                            .content(apiBody(1, bad, 5)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.length()").value(1))
                    .andExpect(jsonPath("$.errors[0].field").value("steps[0].amount"));
        }
        mvc.perform(post("/api/protocol").with(user(users.preventionOfficer)).contentType(MediaType.APPLICATION_JSON)
                        .content(apiBody(1, "\"abc\"", 0).replace("\"retentionYears\":0", "\"retentionYears\":\"vijf\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'steps[0].amount')].message")
                        .value(hasItem("Vul een geheel getal in, bijvoorbeeld 24.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'retentionYears')].message")
                        .value(hasItem("Vul een geheel aantal jaren in, bijvoorbeeld 5.")));
        assertThat(currentVersion()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aVersionAdoptedOnThePageHoldsIncidentsReportedFromThenOn() throws Exception {
        String before = users.report(mvc, "Dreigde voor de nieuwe afspraken");

        MvcResult adopted = mvc.perform(pageForm(1, Map.of(ProtocolStep.FIRST_SUPPORT, " 12 "), "5")
                        .with(user(users.preventionOfficer)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/protocol"))
                .andExpect(flash().attribute("adoptedVersion", 2))
                .andReturn();
        // the flash message travels in the shared (JDBC) session, found again by its cookie
        Cookie[] session = adopted.getResponse().getCookies();
        assertThat(session).isNotEmpty();
        mvc.perform(get("/protocol").with(user(users.preventionOfficer)).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Versie 2 is vastgesteld. Die geldt voor meldingen die vanaf nu binnenkomen")))
                .andExpect(content().string(containsString("Versie 2, geldt sinds")))
                .andExpect(content().string(containsString("12 uur na de melding")))
                .andExpect(content().string(not(containsString("24 uur na de melding"))))
                .andExpect(content().string(containsString("Vastgesteld door " + users.preventionOfficer.getUsername())))
                .andExpect(content().string(containsString("href=\"/protocol/edit\"")));
        mvc.perform(get("/protocol/versions/1").with(user(users.staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("24 uur na de melding")))
                .andExpect(content().string(containsString("Dit is een eerdere versie")));

        String after = users.report(mvc, "Dreigde na de nieuwe afspraken");
        assertThat(protocolVersionOf(before)).isEqualTo(1);
        assertThat(firstSupportDueAfter(before)).isEqualTo(Duration.ofHours(24));
        assertThat(protocolVersionOf(after)).isEqualTo(2);
        assertThat(firstSupportDueAfter(after)).isEqualTo(Duration.ofHours(12));
    }

    @Test
    @Order(6)
    void whoEditedAnOlderVersionIsToldToReload() throws Exception {
        int current = currentVersion();
        assertThat(current).isGreaterThan(1);
        mvc.perform(pageForm(current - 1, Map.of(), "5").with(user(users.preventionOfficer)))
                .andExpect(status().isOk())
                .andExpect(view().name("protocol/edit"))
                .andExpect(content().string(containsString(STALE)));
        mvc.perform(post("/api/protocol").with(user(users.preventionOfficer)).contentType(MediaType.APPLICATION_JSON)
                        .content(apiBody(current - 1, "24", 5)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString(STALE)));
        assertThat(currentVersion()).isEqualTo(current);
    }

    @Test
    @Order(7)
    void aVersionAdoptedThroughTheApiIsCreatedAndListed() throws Exception {
        int current = currentVersion();
        String location = mvc.perform(post("/api/protocol").with(user(users.preventionOfficer))
                        .contentType(MediaType.APPLICATION_JSON).content(apiBody(current, "36", 7).replace(
                                "\"INCIDENT_ANALYSIS\",\"requiredFrom\":\"SERIOUS\",\"requiredForKinds\":[]",
                                "\"INCIDENT_ANALYSIS\",\"requiredFrom\":\"SERIOUS\",\"requiredForKinds\":[\"SEXUAL_HARASSMENT\",\"PHYSICAL_VIOLENCE\"]")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/protocol/versions/" + (current + 1))))
                .andExpect(jsonPath("$.version").value(current + 1))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get(location).with(user(users.staff)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retentionYears").value(7))
                .andExpect(jsonPath("$.adoptedBy").value(users.preventionOfficer.getUsername()))
                .andExpect(jsonPath("$.steps[?(@.step == 'FIRST_SUPPORT')].amount").value(hasItem(36)));
        mvc.perform(get("/api/protocol/versions").with(user(users.staff)))
                .andExpect(jsonPath("$.length()").value(current + 1))
                .andExpect(jsonPath("$[0].version").value(current + 1));
        mvc.perform(get("/protocol").with(user(users.staff)))
                .andExpect(content().string(containsString("36 uur na de melding")))
                .andExpect(content().string(containsString("7 jaar na het afsluiten")))
                .andExpect(content().string(containsString("Altijd bij:")))
                .andExpect(content().string(containsString("<span>Fysiek geweld,</span>")))
                .andExpect(content().string(containsString("<span>Seksuele intimidatie of geweld</span>")));
    }
}
