package nl.veiligwerken.command;

import nl.veiligwerken.platform.test.Endpoints;
import com.jayway.jsonpath.JsonPath;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 6, item 2: every endpoint and page of the command service × every role × own or other team, allowed or
 * 403, and a new endpoint without an access rule fails here. The rules below are the expectation, written from
 * the roles' reach (README, "Authorisation"), not read from the code; each request is really made with the
 * real security chain against a real incident: reported in team A by a staff member of A, with a peer
 * supporter of A assigned.
 * <p>
 * Requests carry a minimal body (none on a page, {@code {}} to the JSON API): the point is whether the person
 * gets past the door, so a 400 or a form with field errors counts as allowed. Whether someone let in may also
 * <em>take</em> a step the agreement gives to another role is the incident's decision when a valid step is sent
 * ({@code StepRequirements.mayTake}; StepRequirementsTest, IncidentStepsIT).
 */
@CommandServiceIntegrationTest
class AccessMatrixIT {

    /** Who may use an endpoint, from the person's role and their relation to the incident's team. */
    enum Rule {
        /** Also without signing in. */
        PUBLIC(s -> true),
        ANY_SIGNED_IN(s -> true),
        /** The person who reported the incident, or a leader of its team. */
        REPORTER_OR_LEADER_OF_TEAM(s -> s.reporter() || s.leadsTeam()),
        LEADER_OF_TEAM(Subject::leadsTeam),
        /**
         * Whoever works in or leads the incident's team, and the prevention officer, who works for every team:
         * they open the step pages (only the incident's reference and a blank form); taking the step is the
         * incident's decision.
         */
        ON_THE_TEAM_OR_PREVENTION_OFFICER(s -> s.ownTeam() || s.role() == Role.PREVENTION_OFFICER),
        PREVENTION_OFFICER(s -> s.role() == Role.PREVENTION_OFFICER),
        ADMIN(s -> s.role() == Role.ADMIN);

        final Predicate<Subject> allows;

        Rule(Predicate<Subject> allows) {
            this.allows = allows;
        }
    }

    /** Every handler mapping of the service, by method and path pattern, with who may use it. */
    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // framework: sign-in, errors and the health probe are open; the API description needs a sign-in
        RULES.put("GET /login", Rule.PUBLIC);
        // the error page answers with the status of the error it shows: called directly, a 500 without a cause
        RULES.put("* /error", Rule.PUBLIC);
        RULES.put("GET /actuator/health", Rule.PUBLIC);
        RULES.put("GET /actuator/health/**", Rule.PUBLIC);
        RULES.put("GET /actuator", Rule.ANY_SIGNED_IN);
        RULES.put("GET /api/openapi", Rule.ANY_SIGNED_IN);
        RULES.put("GET /api/openapi.yaml", Rule.ANY_SIGNED_IN);

        // reporting: everyone may report (for a team they work in, checked when sent); drafts are the person's own
        // by construction (kept under their name: someone else's draft id is a 404)
        RULES.put("GET /", Rule.ANY_SIGNED_IN);
        RULES.put("GET /incidents/new", Rule.ANY_SIGNED_IN);
        RULES.put("POST /incidents/new", Rule.ANY_SIGNED_IN);
        RULES.put("POST /api/incidents", Rule.ANY_SIGNED_IN);
        // the thank-you page after sending: it shows the id from the URL and the agreed support time, nothing of
        // the incident, so it needs no relation to it
        RULES.put("GET /incidents/{incidentId}/reported", Rule.ANY_SIGNED_IN);
        RULES.put("GET /drafts", Rule.ANY_SIGNED_IN);
        RULES.put("POST /drafts/{draftId}/delete", Rule.ANY_SIGNED_IN);
        RULES.put("GET /api/drafts", Rule.ANY_SIGNED_IN);
        RULES.put("GET /api/drafts/{draftId}", Rule.ANY_SIGNED_IN);
        RULES.put("PUT /api/drafts/{draftId}", Rule.ANY_SIGNED_IN);
        RULES.put("DELETE /api/drafts/{draftId}", Rule.ANY_SIGNED_IN);

        // the report itself: its reporter and the leaders of its team
        RULES.put("GET /incidents/{incidentId}/amend", Rule.REPORTER_OR_LEADER_OF_TEAM);
        RULES.put("POST /incidents/{incidentId}/amend", Rule.REPORTER_OR_LEADER_OF_TEAM);
        RULES.put("POST /api/incidents/{incidentId}/amend", Rule.REPORTER_OR_LEADER_OF_TEAM);
        RULES.put("GET /api/incidents/{incidentId}/version", Rule.REPORTER_OR_LEADER_OF_TEAM);

        // the leader's decisions: who gives first support, closing and reopening
        RULES.put("POST /incidents/{incidentId}/peer-supporter", Rule.LEADER_OF_TEAM);
        RULES.put("POST /api/incidents/{incidentId}/peer-supporter", Rule.LEADER_OF_TEAM);
        RULES.put("GET /incidents/{incidentId}/closing", Rule.LEADER_OF_TEAM);
        RULES.put("POST /incidents/{incidentId}/close", Rule.LEADER_OF_TEAM);
        RULES.put("POST /incidents/{incidentId}/reopen", Rule.LEADER_OF_TEAM);
        RULES.put("POST /api/incidents/{incidentId}/close", Rule.LEADER_OF_TEAM);
        RULES.put("POST /api/incidents/{incidentId}/reopen", Rule.LEADER_OF_TEAM);

        // the steps: open to the team and the prevention officer, taken by whom the agreement names
        for (String step : List.of("first-support", "aftercare", "aggressor-response", "actions", "feedback",
                "analysis", "labour-inspectorate")) {
            RULES.put("GET /incidents/{incidentId}/" + step, Rule.ON_THE_TEAM_OR_PREVENTION_OFFICER);
            RULES.put("POST /incidents/{incidentId}/" + step, Rule.ON_THE_TEAM_OR_PREVENTION_OFFICER);
            RULES.put("POST /api/incidents/{incidentId}/" + step, Rule.ON_THE_TEAM_OR_PREVENTION_OFFICER);
        }
        RULES.put("GET /incidents/{incidentId}/actions/{actionId}/complete", Rule.ON_THE_TEAM_OR_PREVENTION_OFFICER);
        RULES.put("POST /incidents/{incidentId}/actions/{actionId}/complete", Rule.ON_THE_TEAM_OR_PREVENTION_OFFICER);
        RULES.put("POST /api/incidents/{incidentId}/actions/{actionId}/complete",
                Rule.ON_THE_TEAM_OR_PREVENTION_OFFICER);
        RULES.put("GET /incidents/{incidentId}/recorded", Rule.ON_THE_TEAM_OR_PREVENTION_OFFICER);

        // the protocol agreements: read by everyone (they say what each one does), adopted by the prevention officer
        RULES.put("GET /protocol", Rule.ANY_SIGNED_IN);
        RULES.put("GET /protocol/versions/{version}", Rule.ANY_SIGNED_IN);
        RULES.put("GET /api/protocol", Rule.ANY_SIGNED_IN);
        RULES.put("GET /api/protocol/versions", Rule.ANY_SIGNED_IN);
        RULES.put("GET /api/protocol/versions/{version}", Rule.ANY_SIGNED_IN);
        RULES.put("GET /protocol/edit", Rule.PREVENTION_OFFICER);
        RULES.put("POST /protocol/edit", Rule.PREVENTION_OFFICER);
        RULES.put("POST /api/protocol", Rule.PREVENTION_OFFICER);

        // holding the Kafka publisher during maintenance: the administrator
        RULES.put("GET /api/admin/publisher", Rule.ADMIN);
        RULES.put("POST /api/admin/publisher/pause", Rule.ADMIN);
        RULES.put("POST /api/admin/publisher/resume", Rule.ADMIN);
    }

    /** One person in the matrix: a role, in the incident's team or another, and their relation to the incident. */
    record Subject(String label, Role role, boolean ownTeam, boolean reporter, VwUser user) {
        boolean leadsTeam() {
            return role == Role.TEAM_LEADER && ownTeam;
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountDirectory directory;
    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointHasARuleAndKeepsIt() throws Exception {
        Set<String> mapped = Endpoints.mapped(context);
        List<String> mismatches = new ArrayList<>(Endpoints.withoutRule(mapped, RULES.keySet()));

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TeamId teamA = new TeamId("a-" + suffix);
        TeamId teamB = new TeamId("b-" + suffix);
        directory.saveTeam(teamA, "Team A " + suffix);
        directory.saveTeam(teamB, "Team B " + suffix);
        List<Subject> subjects = new ArrayList<>();
        Subject reporter = person(subjects, "STAFF, reporter", Role.STAFF, teamA, true, suffix);
        person(subjects, "STAFF, own team", Role.STAFF, teamA, false, suffix);
        person(subjects, "STAFF, other team", Role.STAFF, teamB, false, suffix);
        Subject leader = person(subjects, "TEAM_LEADER, own team", Role.TEAM_LEADER, teamA, false, suffix);
        person(subjects, "TEAM_LEADER, other team", Role.TEAM_LEADER, teamB, false, suffix);
        Subject assigned = person(subjects, "PEER_SUPPORTER, own team, assigned", Role.PEER_SUPPORTER, teamA, false,
                suffix);
        person(subjects, "PEER_SUPPORTER, own team, not assigned", Role.PEER_SUPPORTER, teamA, false, suffix);
        person(subjects, "PEER_SUPPORTER, other team", Role.PEER_SUPPORTER, teamB, false, suffix);
        for (Role orgWide : List.of(Role.PREVENTION_OFFICER, Role.MANAGEMENT, Role.ADMIN)) {
            person(subjects, orgWide + ", own team", orgWide, teamA, false, suffix);
            person(subjects, orgWide + ", other team", orgWide, teamB, false, suffix);
        }

        String id = report(reporter.user(), teamA);
        assign(id, leader.user(), assigned.user());

        for (Map.Entry<String, Rule> entry : RULES.entrySet()) {
            if (!mapped.contains(entry.getKey())) {
                continue;
            }
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = filled(entry.getKey().substring(method.length() + 1), id);
            String anonymous = check(entry.getKey(), "anonymous", method, path, null, entry.getValue() == Rule.PUBLIC, id);
            if (anonymous != null) {
                mismatches.add(anonymous);
            }
            for (Subject subject : subjects) {
                String mismatch = check(entry.getKey(), subject.label(), method, path, subject.user(),
                        entry.getValue().allows.test(subject), id);
                if (mismatch != null) {
                    mismatches.add(mismatch);
                }
            }
        }
        assertThat(mismatches).as("access matrix of the command service").isEmpty();
    }

    /** Null when the answer fits the rule, otherwise what went wrong. */
    private String check(String endpoint, String who, String method, String path, VwUser user, boolean allowed,
                         String incidentId) {
        boolean api = path.startsWith("/api/");
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf("*".equals(method) ? "GET" : method), path);
        if (user != null) {
            request.with(user(user));
        }
        if (api) {
            request.accept(MediaType.APPLICATION_JSON);
            if (!"GET".equals(method) && !"*".equals(method) && !"DELETE".equals(method)) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        } else if (!"GET".equals(method) && !"*".equals(method)) {
            request.with(csrf());
        }
        String before = allowed ? null : state(incidentId);
        int status;
        String location;
        try {
            MvcResult result = mvc.perform(request).andReturn();
            status = result.getResponse().getStatus();
            location = result.getResponse().getRedirectedUrl();
        } catch (Exception | AssertionError failed) {
            return endpoint + " as " + who + ": threw " + failed;
        }
        if (user == null && !allowed) {
            boolean toLogin = api ? status == 401 : status == 302 && location != null && location.endsWith("/login");
            return toLogin ? null : endpoint + " without signing in: " + status
                    + (api ? ", expected 401" : ", expected a redirect to /login (" + location + ")");
        }
        if (allowed) {
            boolean errorPage = endpoint.endsWith(" /error");
            return status == 401 || status == 403 || status >= 500 && !errorPage
                    ? endpoint + " as " + who + ": " + status + ", expected allowed" : null;
        }
        if (status != 403) {
            return endpoint + " as " + who + ": " + status + ", expected 403";
        }
        String after = state(incidentId);
        return before.equals(after) ? null : endpoint + " as " + who + ": 403 but changed " + before + " -> " + after;
    }

    /** What a refused request must leave as it was: the incident's events, the protocol, the drafts. */
    private String state(String incidentId) {
        return jdbc.queryForObject("select (select count(*) from eventstore.domain_event_entry where aggregate_identifier = ?)"
                + " || '/' || (select count(*) from command.protocol_version)"
                + " || '/' || (select count(*) from command.report_draft)", String.class, incidentId);
    }

    private static String filled(String pattern, String incidentId) {
        return pattern.replace("{incidentId}", incidentId)
                .replace("{actionId}", UUID.randomUUID().toString())
                .replace("{draftId}", UUID.randomUUID().toString())
                .replace("{version}", "1")
                .replace("/**", "/liveness")
                .replaceAll("\\{\\*[^}]*}", "liveness");
    }

    private Subject person(List<Subject> subjects, String label, Role role, TeamId team, boolean reporter,
                           String suffix) {
        String username = label.toLowerCase().replaceAll("[^a-z]+", "-") + suffix;
        Set<TeamId> leads = role == Role.TEAM_LEADER ? Set.of(team) : Set.of();
        directory.saveAccount(username, label, username + "@example.test", "{noop}x", Set.of(role), Set.of(team), leads);
        Subject subject = new Subject(label, role, team.value().startsWith("a-"), reporter,
                new VwUser(username, label, username + "@example.test", "{noop}x", true, Set.of(role), Set.of(team),
                        leads));
        subjects.add(subject);
        return subject;
    }

    private String report(VwUser reporter, TeamId team) throws Exception {
        String body = mvc.perform(post("/api/incidents").with(user(reporter)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"teamId":"%s","occurredAt":"2026-01-10T10:00","setting":"OFFICE","kinds":["THREAT"],
                                 "severity":"MINOR","description":"Dreigde","supportWanted":true}""".formatted(team.value())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.incidentId");
    }

    private void assign(String id, VwUser leader, VwUser peerSupporter) throws Exception {
        long version = jdbc.queryForObject("select version from command.incident_lookup where incident_id = ?",
                Long.class, id);
        mvc.perform(post("/api/incidents/" + id + "/peer-supporter").with(user(leader))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"expectedVersion":%d,"peerSupporter":"%s"}""".formatted(version, peerSupporter.getUsername())))
                .andExpect(status().isOk());
    }
}
