package nl.veiligwerken.command;

import com.jayway.jsonpath.JsonPath;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.test.Endpoints;
import nl.veiligwerken.platform.test.MalformedRequests;
import nl.veiligwerken.platform.test.MalformedRequestCheck;
import nl.veiligwerken.platform.test.MalformedRequests.Case;
import nl.veiligwerken.platform.test.MalformedRequests.Template;
import nl.veiligwerken.platform.test.OwnTestDatabase;
import nl.veiligwerken.platform.test.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static nl.veiligwerken.platform.test.MalformedRequestCheck.abbreviated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 7, item 6: well over a thousand malformed requests to every form post and JSON endpoint of the command
 * service, generated from a valid request of each ({@link MalformedRequests}, seeded: the seed is printed), by
 * a person allowed to use them. Each answer is a 4xx: a problem JSON with a {@code detail} from the API, the
 * form again with its Dutch error text (or a 4xx) from a page; a 403 for a form post without its CSRF token;
 * never a 5xx and never a stack trace. And nothing is stored: after every request the event store, the
 * drafts, the incident lookup and the protocol versions hold what they held before. Endpoints without a
 * template (a new one) still get the malformed bodies and CSRF cases that fit any endpoint, from the service's
 * own list of mappings. On a database of its own, so nothing else writes while it counts.
 */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc(print = MockMvcPrint.NONE, printOnlyOnFailure = false)
@EmbeddedKafka(partitions = 1, topics = "incident-events")
@ContextConfiguration(initializers = BadInputIT.OwnDatabase.class)
@DirtiesContext
class BadInputIT {

    static class OwnDatabase extends OwnTestDatabase {
        @Override
        protected String name() {
            return "command_bad_input_it";
        }
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final ZoneId ORGANISATION = ZoneId.of("Europe/Amsterdam");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountDirectory directory;
    @Autowired
    ApplicationContext context;

    @Test
    void malformedRequestsAreRefusedWithAClearAnswerAndStoreNothing() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TeamId team = new TeamId("bad-" + suffix);
        directory.saveTeam(team, "Team " + suffix);
        VwUser staff = TestAccounts.save(directory, "staff-" + suffix, team, Set.of(Role.STAFF));
        VwUser peer = TestAccounts.save(directory, "peer-" + suffix, team, Set.of(Role.PEER_SUPPORTER, Role.STAFF));
        // allowed everywhere in the command service: a leader of the team who is also the prevention officer
        VwUser all = TestAccounts.save(directory, "all-" + suffix, team,
                Set.of(Role.STAFF, Role.TEAM_LEADER, Role.PREVENTION_OFFICER));

        String id = JsonPath.read(mvc.perform(post("/api/incidents").with(user(staff))
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(report(team, null))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.incidentId");
        String now = LocalDateTime.now(ORGANISATION).truncatedTo(ChronoUnit.SECONDS).format(LOCAL);
        String later = LocalDateTime.now(ORGANISATION).plusDays(7).truncatedTo(ChronoUnit.MINUTES).format(LOCAL);
        String actionId = UUID.randomUUID().toString();
        long version = version(id);
        mvc.perform(post("/api/incidents/" + id + "/actions").with(user(all)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(map("expectedVersion", version, "actionId", actionId,
                        "kind", "AGGRESSOR_CONVERSATION", "byEmployer", false, "description", "Gesprek met de client",
                        "owner", staff.getUsername(), "dueAt", later)))).andExpect(status().isOk());
        long v = version(id);
        String incident = "/incidents/" + id;

        Map<String, Object> reportFields = report(team, UUID.randomUUID().toString());
        // a draft's id is the one in its path
        Map<String, Object> draftFields = new LinkedHashMap<>(reportFields);
        draftFields.remove("incidentId");
        Map<String, Object> amendedReport = new LinkedHashMap<>(reportFields);
        amendedReport.remove("incidentId");
        amendedReport.remove("teamId");
        amendedReport.remove("reportedFor");
        amendedReport.remove("supportWanted");
        Map<String, Object> amendment = map("expectedVersion", v, "reason", "Ernst aangepast", "report", amendedReport);
        Map<String, Object> peerSupporter = map("expectedVersion", v, "peerSupporter", peer.getUsername());
        Map<String, Object> firstSupport = map("expectedVersion", v, "offeredAt", now, "response", "ACCEPTED");
        Map<String, Object> aftercare = map("expectedVersion", v, "heldAt", now, "outcome", "HELD",
                "needsMoreHelp", false, "referrals", List.of("COMPANY_DOCTOR"));
        Map<String, Object> aggressorResponse = map("expectedVersion", v, "responses", List.of("CONVERSATION"),
                "explanation", "Gesprek gevoerd", "respondedAt", now);
        Map<String, Object> action = map("expectedVersion", v, "actionId", UUID.randomUUID().toString(),
                "kind", "POLICE_REPORT", "byEmployer", true, "description", "Aangifte doen",
                "owner", staff.getUsername(), "dueAt", later);
        Map<String, Object> completion = map("expectedVersion", v, "result", "Gesprek gevoerd", "completedAt", now);
        Map<String, Object> feedback = map("expectedVersion", v, "message", "We hebben de client gesproken");
        Map<String, Object> analysis = map("expectedVersion", v, "causes", "Lange wachttijd",
                "riskFactors", "Drukte", "learningPoints", List.of(map("level", "TEAM", "skill", "DE_ESCALATION",
                        "text", "Eerder de-escaleren")), "measures", List.of(map("actionId", UUID.randomUUID().toString(),
                        "description", "Training", "owner", staff.getUsername(), "dueAt", later)));
        Map<String, Object> labourInspectorate = map("expectedVersion", v, "notifiedAt", now, "reference", "AI-123");
        Map<String, Object> closing = map("expectedVersion", v, "reason", "Alles afgerond");
        Map<String, Object> protocol = protocolForm(all);

        String draft = UUID.randomUUID().toString();
        List<Template> templates = List.of(
                Template.json("POST /api/incidents", "/api/incidents", reportFields, "incidentId", "reportedFor",
                        "aggressor", "clientReference", "injuries", "policeInvolved"),
                Template.json("PUT /api/drafts/{draftId}", "/api/drafts/" + draft, draftFields).asLenient(),
                Template.json("POST /api/incidents/{incidentId}/amend", "/api" + incident + "/amend", amendment,
                        "report.aggressor", "report.clientReference", "report.injuries", "report.policeInvolved"),
                Template.json("POST /api/incidents/{incidentId}/peer-supporter", "/api" + incident + "/peer-supporter",
                        peerSupporter),
                Template.json("POST /api/incidents/{incidentId}/first-support", "/api" + incident + "/first-support",
                        firstSupport),
                Template.json("POST /api/incidents/{incidentId}/aftercare", "/api" + incident + "/aftercare", aftercare,
                        "needsMoreHelp", "referrals"),
                Template.json("POST /api/incidents/{incidentId}/aggressor-response",
                        "/api" + incident + "/aggressor-response", aggressorResponse, "explanation"),
                Template.json("POST /api/incidents/{incidentId}/actions", "/api" + incident + "/actions", action,
                        "byEmployer"),
                Template.json("POST /api/incidents/{incidentId}/actions/{actionId}/complete",
                        "/api" + incident + "/actions/" + actionId + "/complete", completion),
                Template.json("POST /api/incidents/{incidentId}/feedback", "/api" + incident + "/feedback", feedback),
                Template.json("POST /api/incidents/{incidentId}/analysis", "/api" + incident + "/analysis", analysis,
                        "riskFactors", "learningPoints", "measures", "learningPoints[0].skill"),
                Template.json("POST /api/incidents/{incidentId}/labour-inspectorate",
                        "/api" + incident + "/labour-inspectorate", labourInspectorate, "reference"),
                Template.json("POST /api/incidents/{incidentId}/close", "/api" + incident + "/close", closing, "reason"),
                Template.json("POST /api/incidents/{incidentId}/reopen", "/api" + incident + "/reopen", closing),
                Template.json("POST /api/protocol", "/api/protocol", protocol, "steps[0].requiredFrom",
                        "steps[0].requiredForKinds", "steps[0].escalateTo"),

                Template.form("POST /incidents/new", "/incidents/new", reportFields, "incidentId", "reportedFor",
                        "aggressor", "clientReference", "injuries", "policeInvolved"),
                Template.form("POST /incidents/{incidentId}/amend", incident + "/amend", amendment,
                        "report.aggressor", "report.clientReference", "report.injuries", "report.policeInvolved"),
                Template.form("POST /incidents/{incidentId}/peer-supporter", incident + "/peer-supporter", peerSupporter),
                Template.form("POST /incidents/{incidentId}/first-support", incident + "/first-support", firstSupport),
                Template.form("POST /incidents/{incidentId}/aftercare", incident + "/aftercare", aftercare,
                        "needsMoreHelp", "referrals"),
                Template.form("POST /incidents/{incidentId}/aggressor-response", incident + "/aggressor-response",
                        aggressorResponse, "explanation"),
                Template.form("POST /incidents/{incidentId}/actions", incident + "/actions", action, "byEmployer"),
                Template.form("POST /incidents/{incidentId}/actions/{actionId}/complete",
                        incident + "/actions/" + actionId + "/complete", completion),
                Template.form("POST /incidents/{incidentId}/feedback", incident + "/feedback", feedback),
                Template.form("POST /incidents/{incidentId}/analysis", incident + "/analysis", analysis,
                        "riskFactors", "learningPoints", "measures", "learningPoints[0].skill"),
                Template.form("POST /incidents/{incidentId}/labour-inspectorate", incident + "/labour-inspectorate",
                        labourInspectorate, "reference"),
                Template.form("POST /incidents/{incidentId}/close", incident + "/close", closing, "reason"),
                Template.form("POST /incidents/{incidentId}/reopen", incident + "/reopen", closing),
                Template.form("POST /protocol/edit", "/protocol/edit", protocol, "steps[0].requiredFrom",
                        "steps[0].requiredForKinds", "steps[0].escalateTo"));

        long seed = MalformedRequests.seed();
        System.out.println("BadInputIT (command): seed " + seed + " (repeat with -Dbad-input.seed=" + seed + ")");
        MalformedRequests generator = new MalformedRequests(seed);
        List<Case> cases = new ArrayList<>();
        for (Template template : templates) {
            cases.addAll(generator.of(template));
        }
        // every write endpoint of the service, templated or new: malformed bodies, CSRF, ids of nothing
        for (String endpoint : Endpoints.mapped(context)) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(method.length() + 1);
            if (pattern.startsWith("/actuator") || pattern.equals("/error") || pattern.equals("/login")
                    || "*".equals(method)) {
                continue;
            }
            if (!"GET".equals(method) && templates.stream().noneMatch(t -> t.endpoint().equals(endpoint))) {
                cases.addAll(generator.generic(endpoint, filled(pattern, id, actionId, draft)));
            }
            if (pattern.contains("{")) {
                // ids of nothing: one request each, the body beside the point
                for (String nothing : List.of(UUID.randomUUID().toString(), "geen-id", "99999999999999999999")) {
                    if ("PUT".equals(method) && nothing.length() == 36) {
                        continue; // a PUT to a new id creates (a draft): not an id of nothing
                    }
                    String path = pattern.replaceAll("\\{[^}]+}", nothing);
                    boolean api = path.startsWith("/api/");
                    cases.add(new Case(endpoint, "unknown " + nothing, method, path,
                            api ? MalformedRequests.Carrier.JSON : MalformedRequests.Carrier.FORM,
                            "GET".equals(method) ? null : api ? "application/json" : "application/x-www-form-urlencoded",
                            api && !"GET".equals(method) ? "{\"onbekend\":1}".getBytes(StandardCharsets.UTF_8) : null,
                            Map.of(), !api && !"GET".equals(method), false));
                }
            }
        }
        // the templates' valid bodies, sent to an incident or action that does not exist
        for (Template template : templates) {
            if (template.path().contains(id)) {
                String unknown = template.path().replace(id, UUID.randomUUID().toString());
                cases.add(template.carrier() == MalformedRequests.Carrier.JSON
                        ? new Case(template.endpoint(), "unknown incident", template.method(), unknown,
                        template.carrier(), "application/json", JSON.writeValueAsBytes(template.valid()), Map.of(),
                        false, false)
                        : new Case(template.endpoint(), "unknown incident", template.method(), unknown,
                        template.carrier(), "application/x-www-form-urlencoded", null,
                        MalformedRequests.params(template.valid()), true, false));
            }
        }
        cases.add(new Case("POST /api/incidents/{incidentId}/actions/{actionId}/complete", "unknown action", "POST",
                "/api" + incident + "/actions/" + UUID.randomUUID() + "/complete", MalformedRequests.Carrier.JSON,
                "application/json", JSON.writeValueAsBytes(completion), Map.of(), false, false));

        MalformedRequestCheck check = new MalformedRequestCheck(mvc, BadInputIT::pageRule);
        List<String> problems = check.sendAll(cases, c -> user(all), this::stored, null);
        System.out.printf("BadInputIT (command): %d malformed requests to %d endpoints, answers %s, %d problems%n",
                cases.size(), cases.stream().map(Case::endpoint).distinct().count(), check.statuses(), problems.size());
        check.slowest(8).forEach(line -> System.out.println("BadInputIT (command): " + line));
        assertThat(cases.size()).as("generated cases").isGreaterThanOrEqualTo(1_000);
        assertThat(problems).as("malformed requests answered wrongly (seed %d)", seed).isEmpty();
    }

    /**
     * This service's pages: a refusal, any page asked for with GET (the thank-you page shows any id), or the form
     * shown again with its errors; a form post that was taken (a redirect) is wrong.
     */
    private static String pageRule(Case c, MalformedRequestCheck.Answer answer) {
        if (answer.status() >= 400 || "GET".equals(c.method())) {
            return null;
        }
        if (answer.status() == 200 && (answer.body().contains("role=\"alert\"") || answer.body().contains("class=\"error\""))) {
            return null;
        }
        return answer.status() + ", expected the form with its errors or a 4xx (" + answer.redirectedUrl() + ") "
                + abbreviated(answer.body());
    }

    /** What a refused request must leave as it was. */
    private String stored() {
        return jdbc.queryForObject("select (select count(*) from eventstore.domain_event_entry)"
                + " || '/' || (select count(*) from command.report_draft)"
                + " || '/' || (select coalesce(sum(version), 0) from command.incident_lookup)"
                + " || '/' || (select count(*) from command.protocol_version)", String.class);
    }

    private Map<String, Object> protocolForm(VwUser user) throws Exception {
        String current = mvc.perform(get("/api/protocol").with(user(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        @SuppressWarnings("unchecked")
        Map<String, Object> view = JSON.readValue(current, LinkedHashMap.class);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("basedOnVersion", view.get("version"));
        form.put("steps", view.get("steps"));
        form.put("retentionYears", String.valueOf(view.get("retentionYears")));
        return form;
    }

    private static String filled(String pattern, String id, String actionId, String draft) {
        return pattern.replace("{incidentId}", id).replace("{actionId}", actionId).replace("{draftId}", draft)
                .replace("{version}", "1");
    }

    private long version(String id) {
        return jdbc.queryForObject("select version from command.incident_lookup where incident_id = ?", Long.class, id);
    }


    private static Map<String, Object> report(TeamId team, String incidentId) {
        Map<String, Object> report = new LinkedHashMap<>();
        if (incidentId != null) {
            report.put("incidentId", incidentId);
        }
        report.putAll(map("teamId", team.value(), "reportedFor", "", "occurredAt", "2026-01-10T10:00",
                "setting", "OFFICE", "kinds", List.of("THREAT", "VERBAL_ABUSE"), "severity", "MINOR",
                "description", "Dreigde met slaan", "aggressor", "CLIENT", "clientReference", "CL-1234",
                "injuries", List.of(), "policeInvolved", false, "supportWanted", true));
        if (incidentId == null) {
            report.remove("reportedFor");
        }
        return report;
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

}
