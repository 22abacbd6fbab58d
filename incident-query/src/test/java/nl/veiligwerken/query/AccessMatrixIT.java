package nl.veiligwerken.query;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.test.Endpoints;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Issue 6, item 2: every endpoint and page of the query service × every role × own or other team, allowed or 403,
 * and a new endpoint without an access rule fails here. The rules below are the expectation, written from the
 * roles' reach (README, "Authorisation"), not read from the code. Each request is really made, with the real
 * security chain, about a real incident: reported in team A by a staff member of A on behalf of a colleague of
 * A, with a peer supporter of A assigned; every request names team A where the endpoint takes a team.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PostgresTestDatabase.class)
// closed after this class, like every IT of this module (see QueryServiceIT)
@DirtiesContext
class AccessMatrixIT {

    /** Who may use an endpoint, from the person's role and their relation to the incident and its team. */
    enum Rule {
        /** Also without signing in. */
        PUBLIC(s -> true),
        ANY_SIGNED_IN(s -> true),
        LEADER_OF_TEAM(Subject::leadsTeam),
        /**
         * The incident's details: who reported it and the colleague it happened to, the leaders of its team, the
         * prevention officer, who analyses incidents of every team, and the peer supporter assigned to give first
         * support (the report, and the timeline as the reporter reads it); not a peer supporter of the team who
         * was not assigned.
         */
        REPORTER_LEADER_OF_TEAM_PREVENTION_OFFICER_OR_ASSIGNED(s -> s.reporter() || s.affected() || s.leadsTeam()
                || s.role() == Role.PREVENTION_OFFICER || s.assigned()),
        /** A team's figures: its leaders, and organisation-wide the prevention officer and management. */
        LEADER_OF_TEAM_OR_ORGANISATION(s -> s.leadsTeam() || s.role() == Role.PREVENTION_OFFICER
                || s.role() == Role.MANAGEMENT),
        /**
         * The incidents behind a team's figures, and the review's files: its leaders and the prevention officer,
         * never management.
         */
        LEADER_OF_TEAM_OR_PREVENTION_OFFICER(s -> s.leadsTeam() || s.role() == Role.PREVENTION_OFFICER),
        /** Every team side by side, small counts suppressed. */
        MANAGEMENT_OR_PREVENTION_OFFICER(s -> s.role() == Role.PREVENTION_OFFICER || s.role() == Role.MANAGEMENT),
        /** The audit log names who read what: the prevention officer only, management not either. */
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
        // framework: sign-in, errors and the health probe are open (this service has no OpenAPI description).
        // The error page answers with the status of the error it shows: called directly, a 500 without a cause.
        RULES.put("GET /login", Rule.PUBLIC);
        RULES.put("* /error", Rule.PUBLIC);
        RULES.put("GET /actuator/health", Rule.PUBLIC);
        RULES.put("GET /actuator/health/**", Rule.PUBLIC);
        RULES.put("GET /actuator", Rule.ANY_SIGNED_IN);

        // one incident
        RULES.put("GET /incidents/{id}", Rule.REPORTER_LEADER_OF_TEAM_PREVENTION_OFFICER_OR_ASSIGNED);
        RULES.put("GET /api/incidents/{id}", Rule.REPORTER_LEADER_OF_TEAM_PREVENTION_OFFICER_OR_ASSIGNED);
        RULES.put("GET /api/incidents/{id}/timeline", Rule.REPORTER_LEADER_OF_TEAM_PREVENTION_OFFICER_OR_ASSIGNED);

        // the person's own reports, by construction (looked up by the signed-in name)
        RULES.put("GET /my-reports", Rule.ANY_SIGNED_IN);
        RULES.put("GET /api/my-reports", Rule.ANY_SIGNED_IN);

        // the open tasks of a team: its leaders
        RULES.put("GET /tasks", Rule.LEADER_OF_TEAM);
        RULES.put("GET /api/tasks", Rule.LEADER_OF_TEAM);

        // a team's figures and quarterly review (the review's texts only for who may drill down; management gets the
        // figures as the organisation view shows them, small counts hidden, the pages send it there) and its files
        RULES.put("GET /compliance", Rule.LEADER_OF_TEAM_OR_ORGANISATION);
        RULES.put("GET /api/compliance", Rule.LEADER_OF_TEAM_OR_ORGANISATION);
        RULES.put("GET /reviews/quarterly", Rule.LEADER_OF_TEAM_OR_ORGANISATION);
        RULES.put("GET /api/reviews/quarterly", Rule.LEADER_OF_TEAM_OR_ORGANISATION);
        RULES.put("GET /reviews/quarterly.csv", Rule.LEADER_OF_TEAM_OR_PREVENTION_OFFICER);
        RULES.put("GET /reviews/quarterly.pdf", Rule.LEADER_OF_TEAM_OR_PREVENTION_OFFICER);
        RULES.put("GET /compliance/incidents", Rule.LEADER_OF_TEAM_OR_PREVENTION_OFFICER);
        RULES.put("GET /api/compliance/incidents", Rule.LEADER_OF_TEAM_OR_PREVENTION_OFFICER);

        // the organisation's figures
        RULES.put("GET /organisation", Rule.MANAGEMENT_OR_PREVENTION_OFFICER);
        RULES.put("GET /api/organisation", Rule.MANAGEMENT_OR_PREVENTION_OFFICER);

        // the audit log of reads and exports
        RULES.put("GET /audit", Rule.PREVENTION_OFFICER);
        RULES.put("GET /api/audit", Rule.PREVENTION_OFFICER);

        // a person's data exported on request (GDPR art. 15/20): the prevention officer, who handles such requests
        // (without a person named: the form, and a 400 from the API)
        RULES.put("GET /privacy/export", Rule.PREVENTION_OFFICER);
        RULES.put("GET /api/privacy/export", Rule.PREVENTION_OFFICER);

        // rebuilding the views: the administrator (an unknown view's name here, so nothing is rebuilt: 404)
        RULES.put("GET /admin/projections", Rule.ADMIN);
        RULES.put("POST /admin/projections/{name}/rebuild", Rule.ADMIN);
        RULES.put("GET /api/admin/projections", Rule.ADMIN);
        RULES.put("POST /api/admin/projections/{name}/rebuild", Rule.ADMIN);
        RULES.put("POST /api/admin/projections/{name}/pause", Rule.ADMIN);
        RULES.put("POST /api/admin/projections/{name}/resume", Rule.ADMIN);
    }

    /** One person in the matrix: a role, in the incident's team or another, and their relation to the incident. */
    record Subject(String label, Role role, boolean ownTeam, boolean reporter, boolean affected, boolean assigned,
                   VwUser user) {
        boolean leadsTeam() {
            return role == Role.TEAM_LEADER && ownTeam;
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountDirectory directory;
    @Autowired
    EventStore eventStore;
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
        Subject reporter = person(subjects, "STAFF, reporter", Role.STAFF, teamA, true, false, suffix);
        Subject affected = person(subjects, "STAFF, own team, it happened to", Role.STAFF, teamA, false, true, suffix);
        person(subjects, "STAFF, own team", Role.STAFF, teamA, false, false, suffix);
        person(subjects, "STAFF, other team", Role.STAFF, teamB, false, false, suffix);
        Subject leader = person(subjects, "TEAM_LEADER, own team", Role.TEAM_LEADER, teamA, false, false, suffix);
        person(subjects, "TEAM_LEADER, other team", Role.TEAM_LEADER, teamB, false, false, suffix);
        Subject assigned = person(subjects, "PEER_SUPPORTER, own team, assigned", Role.PEER_SUPPORTER, teamA, false,
                false, true, suffix);
        person(subjects, "PEER_SUPPORTER, own team, not assigned", Role.PEER_SUPPORTER, teamA, false, false, suffix);
        person(subjects, "PEER_SUPPORTER, other team", Role.PEER_SUPPORTER, teamB, false, false, suffix);
        for (Role orgWide : List.of(Role.PREVENTION_OFFICER, Role.MANAGEMENT, Role.ADMIN)) {
            person(subjects, orgWide + ", own team", orgWide, teamA, false, false, suffix);
            person(subjects, orgWide + ", other team", orgWide, teamB, false, false, suffix);
        }

        IncidentId incident = IncidentId.random();
        Instant reportedAt = Instant.now().minus(Duration.ofHours(1));
        eventStore.publish(
                new GenericDomainEventMessage<>("Incident", incident.value(), 0, new IncidentReportedEvent(incident,
                        teamA, reporter.user().getUsername(), reportedAt, reportedAt.minus(Duration.ofHours(1)),
                        Setting.OFFICE, Set.of(AggressionKind.THREAT), Severity.MINOR, "Dreigde.", true,
                        affected.user().getUsername(), null, null, null, false, 0)),
                new GenericDomainEventMessage<>("Incident", incident.value(), 1, new PeerSupporterAssignedEvent(
                        incident, teamA, assigned.user().getUsername(), leader.user().getUsername(),
                        reportedAt.plusSeconds(60))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mvc.perform(
                        get("/api/incidents/" + incident.value() + "/timeline").with(user(leader.user()))
                                .accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString()).contains("PEER_SUPPORTER_ASSIGNED"));
        // the incident view (a processing group of its own) knows the assignment too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mvc.perform(
                        get("/api/incidents/" + incident.value()).with(user(leader.user()))
                                .accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString()).contains("\"version\":1"));

        for (Map.Entry<String, Rule> entry : RULES.entrySet()) {
            if (!mapped.contains(entry.getKey())) {
                continue;
            }
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = filled(entry.getKey().substring(method.length() + 1), incident.value());
            String anonymous = check(entry.getKey(), "anonymous", method, path, teamA, null,
                    entry.getValue() == Rule.PUBLIC);
            if (anonymous != null) {
                mismatches.add(anonymous);
            }
            for (Subject subject : subjects) {
                String mismatch = check(entry.getKey(), subject.label(), method, path, teamA, subject.user(),
                        entry.getValue().allows.test(subject));
                if (mismatch != null) {
                    mismatches.add(mismatch);
                }
            }
        }
        assertThat(mismatches).as("access matrix of the query service").isEmpty();
    }

    /** Null when the answer fits the rule, otherwise what went wrong. */
    private String check(String endpoint, String who, String method, String path, TeamId team, VwUser user,
                         boolean allowed) {
        boolean api = path.startsWith("/api/");
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf("*".equals(method) ? "GET" : method), path)
                .param("team", team.value());
        if (user != null) {
            request.with(user(user));
        }
        if (api) {
            request.accept(MediaType.APPLICATION_JSON);
        } else if (!"GET".equals(method) && !"*".equals(method)) {
            request.with(csrf());
        }
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
        // every endpoint here reads, but the rebuild, which is asked for a view that does not exist
        return status == 403 ? null : endpoint + " as " + who + ": " + status + ", expected 403";
    }

    private static String filled(String pattern, String incidentId) {
        return pattern.replace("{id}", incidentId)
                .replace("{name}", "no-such-view")
                .replace("/**", "/liveness");
    }

    private Subject person(List<Subject> subjects, String label, Role role, TeamId team, boolean reporter,
                           boolean affected, String suffix) {
        return person(subjects, label, role, team, reporter, affected, false, suffix);
    }

    private Subject person(List<Subject> subjects, String label, Role role, TeamId team, boolean reporter,
                           boolean affected, boolean assigned, String suffix) {
        String username = label.toLowerCase().replaceAll("[^a-z]+", "-") + suffix;
        Set<TeamId> leads = role == Role.TEAM_LEADER ? Set.of(team) : Set.of();
        directory.saveAccount(username, label, username + "@example.test", "{noop}x", Set.of(role), Set.of(team), leads);
        Subject subject = new Subject(label, role, team.value().startsWith("a-"), reporter, affected, assigned,
                new VwUser(username, label, username + "@example.test", "{noop}x", true, Set.of(role), Set.of(team),
                        leads));
        subjects.add(subject);
        return subject;
    }
}
