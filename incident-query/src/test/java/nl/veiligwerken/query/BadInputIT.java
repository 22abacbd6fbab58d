package nl.veiligwerken.query;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.test.Endpoints;
import nl.veiligwerken.platform.test.MalformedRequests;
import nl.veiligwerken.platform.test.MalformedRequestCheck;
import nl.veiligwerken.platform.test.MalformedRequests.Carrier;
import nl.veiligwerken.platform.test.MalformedRequests.Case;
import nl.veiligwerken.platform.test.MalformedRequests.Template;
import nl.veiligwerken.platform.test.OwnTestDatabase;
import nl.veiligwerken.platform.test.TestAccounts;
import nl.veiligwerken.query.admin.Projections;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static nl.veiligwerken.platform.test.MalformedRequestCheck.abbreviated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Issue 7, item 6, for the query service: malformed query parameters (team, quarter, step, outcome, audit filter
 * dates, search terms and pages, ids, the {@code seen} hint) to every page and API, generated from a valid request
 * of each ({@link MalformedRequests}, seeded: the seed is printed) and mixed at random from the same seed, plus
 * the admin posts without CSRF token and for views that do not exist, by a person allowed there. Each answer is a
 * 4xx (a problem JSON with a {@code detail} from the API), or a page that shows what it can with an alert saying
 * what was wrong (a figures page shows the current quarter, a page with an unreadable {@code seen} hint does not
 * wait for it); a post without its CSRF token a 403; never a 5xx or a stack trace. And nothing is stored: every
 * view's rows and every processor's state (running, rebuilding, position) stay as they were. The audit log is a
 * different matter: a page that was shown is a read and is on record, but a refused request leaves no audit
 * row (a refused read is no read). On a database of its own, so nothing else writes while it counts.
 */
@SpringBootTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE, printOnlyOnFailure = false)
@ContextConfiguration(initializers = BadInputIT.OwnDatabase.class)
// closed after this class, like every IT of this module (see QueryServiceIT)
@DirtiesContext
class BadInputIT {

    static class OwnDatabase extends OwnTestDatabase {
        @Override
        protected String name() {
            return "query_bad_input_it";
        }
    }

    /** Huge enough to be refused, small enough to keep the run short. */
    private static final String LARGE = "x".repeat(100_000);
    /** Random mixtures per templated endpoint, on top of the one-thing-wrong cases. */
    private static final int MIXED = 45;
    /** Search terms: any text up to the log's 64 characters is a search (finding nothing is an answer). */
    private static final Set<String> SEARCH_TERMS = Set.of("user", "incident");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountDirectory directory;
    @Autowired
    EventStore eventStore;
    @Autowired
    ApplicationContext context;
    @Autowired
    Projections projections;

    @Test
    void malformedQueriesAreRefusedWithAClearAnswerAndStoreNothing() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TeamId team = new TeamId("bad-" + suffix);
        directory.saveTeam(team, "Team " + suffix);
        // the team's leader for its pages (another team's name is not theirs: 403), the organisation's roles for
        // theirs (the prevention officer sees any team, so a team of nothing would show empty figures)
        VwUser leader = TestAccounts.save(directory, "leader-" + suffix, team, Set.of(Role.TEAM_LEADER, Role.STAFF));
        VwUser organisation = TestAccounts.save(directory, "org-" + suffix, team,
                Set.of(Role.PREVENTION_OFFICER, Role.MANAGEMENT));
        VwUser admin = TestAccounts.save(directory, "admin-" + suffix, team, Set.of(Role.ADMIN));
        VwUser all = leader;
        String username = leader.getUsername();

        IncidentId incident = IncidentId.random();
        Instant reportedAt = Instant.now().minus(Duration.ofHours(1));
        eventStore.publish(new GenericDomainEventMessage<>("Incident", incident.value(), 0, new IncidentReportedEvent(
                incident, team, username, reportedAt, reportedAt.minus(Duration.ofHours(1)), Setting.OFFICE,
                Set.of(AggressionKind.THREAT), Severity.MINOR, "Dreigde.", true, null, null, null, null, false, 0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> mvc.perform(get("/api/incidents/" + incident.value())
                .with(user(all)).accept(MediaType.APPLICATION_JSON)).andReturn().getResponse().getStatus() == 200);

        String id = incident.value();
        String quarter = "2026-Q1";
        Map<String, Object> teamQuarter = map("team", team.value(), "quarter", quarter);
        Map<String, Object> drillDown = map("team", team.value(), "quarter", quarter, "step", "FIRST_SUPPORT",
                "outcome", "ON_TIME");
        Map<String, Object> audit = map("user", username, "incident", id, "from", "2026-01-01", "to", "2026-03-31",
                "page", 0);
        List<Template> templates = new ArrayList<>();
        for (String prefix : List.of("", "/api")) {
            templates.add(Template.query("GET " + prefix + "/compliance", prefix + "/compliance", teamQuarter,
                    "team", "quarter"));
            templates.add(Template.query("GET " + prefix + "/compliance/incidents", prefix + "/compliance/incidents",
                    drillDown, "team", "quarter", "step", "outcome"));
            templates.add(Template.query("GET " + prefix + "/reviews/quarterly", prefix + "/reviews/quarterly",
                    teamQuarter, "team", "quarter"));
            templates.add(Template.query("GET " + prefix + "/organisation", prefix + "/organisation",
                    map("quarter", quarter), "quarter"));
            templates.add(Template.query("GET " + prefix + "/audit", prefix + "/audit", audit,
                    "user", "incident", "from", "to", "page"));
            templates.add(Template.query("GET " + prefix + "/tasks", prefix + "/tasks",
                    prefix.isEmpty() ? map("team", team.value(), "seen", id + ":1") : map("team", team.value()),
                    "team", "seen"));
        }
        // the incident page coming back from a step: the hint names the incident and its version
        templates.add(Template.query("GET /incidents/{id}", "/incidents/" + id, map("seen", id + ":0"), "seen"));
        templates.add(Template.query("GET /reviews/quarterly.csv", "/reviews/quarterly.csv", teamQuarter,
                "team", "quarter"));
        templates.add(Template.query("GET /reviews/quarterly.pdf", "/reviews/quarterly.pdf", teamQuarter,
                "team", "quarter"));

        long seed = MalformedRequests.seed();
        System.out.println("BadInputIT (query): seed " + seed + " (repeat with -Dbad-input.seed=" + seed + ")");
        MalformedRequests generator = new MalformedRequests(seed);
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (Template template : templates) {
            generator.of(template).stream().map(BadInputIT::smaller)
                    // an audit search for an incident by any text up to 64 characters is a search, not a mistake
                    .filter(c -> !c.label().equals("incident: not a UUID"))
                    .forEach(cases::add);
            for (int i = 0; i < MIXED; i++) {
                cases.add(mixed(template, random));
            }
        }
        // the posts: without or with a forged CSRF token, for a view that does not exist
        for (String endpoint : Endpoints.mapped(context)) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(method.length() + 1);
            if (pattern.startsWith("/actuator") || pattern.equals("/error") || pattern.equals("/login")
                    || "*".equals(method)) {
                continue;
            }
            if (!"GET".equals(method)) {
                String path = pattern.replace("{name}", "no-such-view"); // never a real rebuild
                if (!path.startsWith("/api/")) {
                    cases.addAll(generator.generic(endpoint, path).stream().map(BadInputIT::smaller).toList());
                }
            }
            if (pattern.contains("{")) {
                for (String nothing : List.of(UUID.randomUUID().toString(), "geen-id", "99999999999999999999",
                        "%C3%28", LARGE.substring(0, 5_000))) {
                    String path = pattern.replaceAll("\\{[^}]+}", nothing);
                    boolean api = path.startsWith("/api/");
                    cases.add(new Case(endpoint, "unknown " + abbreviated(nothing), method, path,
                            api ? Carrier.JSON : Carrier.FORM, null, null, Map.of(),
                            !api && !"GET".equals(method), false));
                }
            }
        }
        // the incident page with a seen hint about another incident or a version that never comes
        cases.add(new Case("GET /incidents/{id}", "seen of a version never made", "GET", "/incidents/" + id,
                Carrier.QUERY, null, null, Map.of("seen", List.of(id + ":" + Long.MAX_VALUE)), false, false));
        cases.add(new Case("GET /incidents/{id}", "seen of another incident", "GET", "/incidents/" + id,
                Carrier.QUERY, null, null, Map.of("seen", List.of(UUID.randomUUID() + ":1")), false, false));

        MalformedRequestCheck check = new MalformedRequestCheck(mvc, BadInputIT::pageRule);
        // a page that was shown is a read on record; a refused request must leave no audit row
        List<String> problems = check.sendAll(cases, c -> user(c.path().matches("(/api)?/(organisation|audit).*")
                ? organisation : c.path().matches("(/api)?/admin/.*") ? admin : leader), this::readModel, this::auditRows);
        System.out.printf("BadInputIT (query): %d malformed requests to %d endpoints, answers %s, %d problems%n",
                cases.size(), cases.stream().map(Case::endpoint).distinct().count(), check.statuses(), problems.size());
        problems.forEach(p -> System.out.println("BadInputIT (query): " + p));
        assertThat(cases.size()).as("generated cases").isGreaterThanOrEqualTo(750);
        assertThat(problems).as("malformed requests answered wrongly (seed %d)", seed).isEmpty();
    }


    /** One to three of the template's parameters wrong at once, each in a way that fits (or not) its kind. */
    private static Case mixed(Template template, Random random) {
        Map<String, List<String>> params = new LinkedHashMap<>(MalformedRequests.params(template.valid()));
        List<String> names = new ArrayList<>(params.keySet());
        int wrong = 1 + random.nextInt(Math.min(3, names.size()));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < wrong; i++) {
            String name = names.get(random.nextInt(names.size()));
            List<String> wrongFor = SEARCH_TERMS.contains(name) ? WRONG_SEARCH : WRONG;
            String value = wrongFor.get(random.nextInt(wrongFor.size()));
            if (random.nextInt(5) == 0) {
                params.put(name, List.of(value, value)); // the parameter twice
                labels.add(name + " twice");
            } else {
                params.put(name, List.of(value));
                labels.add(name + "=" + abbreviated(value));
            }
        }
        return new Case(template.endpoint(), "mixed " + String.join(", ", labels), "GET", template.path(),
                Carrier.QUERY, null, null, params, false, false);
    }

    /** Values no parameter of this service takes. */
    private static final List<String> WRONG = List.of("2026-Q0", "2026-Q5", "Q1-2026", "99999-Q1", "2026-02-30",
            "2026-13-01", "31-03-2026", "gisteren", "GEEN_BEKENDE_WAARDE", "first support", "-1", "1,5", "1e99",
            "99999999999999999999", "NaN", "<script>alert(1)</script>", "'; drop table query.task; --",
            "../../etc/passwd", "\u0000", "\uFFFF\uD800", "{\"a\":1}", LARGE);

    /**
     * Values no search term takes: longer than any username or id, or a NUL. (Any other text is a search that
     * finds nothing, which the log says.)
     */
    private static final List<String> WRONG_SEARCH = List.of("x".repeat(65), LARGE.substring(0, 5_000), LARGE,
            "\u0000");

    /** The notice of a page that waited for a change in vain ({@code page.notCaughtUp}). */
    private static final String NOT_CAUGHT_UP = "Nog niet alles is bijgewerkt";

    /**
     * This service's pages: a refusal; a figures page that says the quarter asked for is wrong and shows the current
     * one, or a page that says the seen hint cannot be read and shows what it has (an alert); a readable hint of a
     * version that never comes, waited for, with the page saying so. Anything else answered 200 is wrong.
     */
    private static String pageRule(Case c, MalformedRequestCheck.Answer answer) {
        if (answer.status() == 200 && !c.path().contains(".") && answer.body().contains("role=\"alert\"")) {
            return null;
        }
        if (answer.status() == 200 && c.label().contains("seen") && answer.body().contains(NOT_CAUGHT_UP)) {
            return null;
        }
        return answer.status() < 400 ? answer.status() + ", expected a 4xx: " + abbreviated(answer.body()) : null;
    }

    /**
     * What no request to this service may change: the rows of every view (a digest per table) and each view's
     * processor, whether it runs or rebuilds and how far it has come (a rebuild or a pause would show here).
     */
    private String readModel() {
        StringBuilder digest = new StringBuilder();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = 'query' and table_type = 'BASE TABLE'"
                + " and table_name not in ('token_entry', 'flyway_schema_history') order by 1", String.class)) {
            digest.append(table).append('=').append(jdbc.queryForObject("select md5(coalesce(string_agg(t::text, ','"
                    + " order by t::text), '')) from query." + table + " t", String.class), 0, 8).append(' ');
        }
        projections.all().forEach(view -> digest.append(view.name()).append(view.running() ? "+" : "-")
                .append(view.rebuilding() ? "R" : "").append('@').append(view.position()).append(' '));
        return digest.toString();
    }

    /** The audit log is append-only: its length says whether a request put a read on record. */
    private long auditRows() {
        return jdbc.queryForObject("select count(*) from audit.audit_log", Long.class);
    }

    /** The generator's 1 MB values cut to 100 kB: as wrong, and the run stays short. */
    private static Case smaller(Case c) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        c.params().forEach((name, values) -> params.put(name, values.stream()
                .map(v -> v.length() > LARGE.length() ? v.substring(0, LARGE.length()) : v).toList()));
        return new Case(c.endpoint(), c.label().replace("1 MB", "100 kB"), c.method(), c.path(), c.carrier(),
                c.contentType(), c.body(), params, c.csrf(), c.forgedCsrf());
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** The text with control characters, unassigned ones and lone surrogates escaped, so a report shows them. */

}
