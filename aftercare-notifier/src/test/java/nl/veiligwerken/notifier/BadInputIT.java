package nl.veiligwerken.notifier;

import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.test.Endpoints;
import nl.veiligwerken.platform.test.FreePorts;
import nl.veiligwerken.platform.test.MalformedRequests;
import nl.veiligwerken.platform.test.MalformedRequests.Carrier;
import nl.veiligwerken.platform.test.MalformedRequests.Case;
import nl.veiligwerken.platform.test.MalformedRequests.Template;
import nl.veiligwerken.platform.test.OwnTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 7, item 6, for the notifier: malformed mail settings (form and API), notification and dead-letter ids
 * that are no ids or of nothing, and posts without their CSRF token, generated from a valid request of each
 * ({@link MalformedRequests}, seeded: the seed is printed) and mixed at random from the same seed, by a person
 * allowed everywhere. Each answer is a 4xx: a problem JSON with a {@code detail} from the API, the form again
 * with its Dutch error text (or a 4xx) from a page; a 403 without the CSRF token; never a 5xx or a stack trace.
 * And nothing is stored: every table the notifier writes holds what it held. On a database of its own, with no
 * mail server (mails are not what it is about).
 */
@SpringBootTest(properties = {
        "veilig-werken.notifier.mail.interval=1h",
        "veilig-werken.notifier.digest.check=1h",
        "veilig-werken.notifier.reminders.interval=1h",
        "spring.mail.host=127.0.0.1"})
@AutoConfigureMockMvc(print = MockMvcPrint.NONE, printOnlyOnFailure = false)
@ContextConfiguration(initializers = BadInputIT.OwnDatabase.class)
@EmbeddedKafka(topics = {PublishedEventType.TOPIC, PublishedEventType.TOPIC + ".DLT"}, partitions = 1,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class BadInputIT {

    static class OwnDatabase extends OwnTestDatabase {
        @Override
        protected String name() {
            return "notifier_bad_input_it";
        }
    }

    @DynamicPropertySource
    static void noSmtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", FreePorts::next);
    }

    /** Huge enough to be refused, small enough to keep the run short. */
    private static final String LARGE = "x".repeat(100_000);
    /** Random mixtures per templated endpoint, on top of the one-thing-wrong cases. */
    private static final int MIXED = 60;
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
        Set<Role> roles = Set.of(Role.STAFF, Role.TEAM_LEADER, Role.ADMIN);
        String username = "all-" + suffix;
        directory.saveTeam(team, "Team " + suffix);
        directory.saveAccount(username, username, username + "@example.test", "{noop}x", roles, Set.of(team),
                Set.of(team));
        VwUser all = new VwUser(username, username, username + "@example.test", "{noop}x", true, roles, Set.of(team),
                Set.of(team));
        // a setting of their own already, which a malformed request must leave as it is
        Map<String, Object> preference = map("delivery", "DAILY_DIGEST", "language", "en");
        mvc.perform(put("/api/notifications/preferences").with(user(all)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(preference))).andExpect(status().isOk());

        List<Template> templates = List.of(
                Template.json("PUT /api/notifications/preferences", "/api/notifications/preferences", preference),
                Template.form("POST /notifications/preferences", "/notifications/preferences", preference));

        long seed = MalformedRequests.seed();
        System.out.println("BadInputIT (notifier): seed " + seed + " (repeat with -Dbad-input.seed=" + seed + ")");
        MalformedRequests generator = new MalformedRequests(seed);
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (Template template : templates) {
            generator.of(template).stream().map(BadInputIT::smaller).forEach(cases::add);
            for (int i = 0; i < MIXED; i++) {
                cases.add(mixed(template, random));
            }
        }
        // someone else's notifications through the API's filter: refused, and a filter that is no name
        for (String recipient : List.of("iemand-anders", LARGE, "<script>", "")) {
            cases.add(new Case("GET /api/notifications", "recipient " + abbreviated(recipient), "GET",
                    "/api/notifications", Carrier.QUERY, null, null, Map.of("recipient", List.of(recipient)),
                    false, false));
        }
        // every post of the service: without or with a forged CSRF token; every id: no number, or of nothing
        for (String endpoint : Endpoints.mapped(context)) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(method.length() + 1);
            if (pattern.startsWith("/actuator") || pattern.equals("/error") || pattern.equals("/login")
                    || "*".equals(method)) {
                continue;
            }
            boolean api = pattern.startsWith("/api/");
            if (!"GET".equals(method) && templates.stream().noneMatch(t -> t.endpoint().equals(endpoint))) {
                cases.addAll(generator.generic(endpoint, pattern.replace("{id}", "1")).stream()
                        .map(BadInputIT::smaller).toList());
            }
            if (pattern.contains("{")) {
                List<String> nothings = new ArrayList<>(List.of("geen-id", "-1", "0", "1.5", "1e3",
                        "99999999999999999999", "9223372036854775807", "%C3%28", UUID.randomUUID().toString(),
                        LARGE.substring(0, 5_000)));
                for (int i = 0; i < 10; i++) {
                    nothings.add(String.valueOf(1_000_000 + random.nextInt(1_000_000_000)));
                }
                for (String nothing : nothings) {
                    String path = pattern.replaceAll("\\{[^}]+}", nothing);
                    cases.add(new Case(endpoint, "unknown " + abbreviated(nothing), method, path,
                            api ? Carrier.JSON : Carrier.FORM,
                            "GET".equals(method) || api ? null : "application/x-www-form-urlencoded", null,
                            Map.of(), !api && !"GET".equals(method), false));
                }
            }
        }

        String stored = stored();
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Case c : cases) {
            String problem = check(c, all, statuses);
            String after = stored();
            if (!after.equals(stored)) {
                problem = (problem == null ? "" : problem + "; ") + "stored something";
                stored = after;
            }
            if (problem != null) {
                problems.add(c + ": " + problem);
            }
        }
        System.out.printf("BadInputIT (notifier): %d malformed requests to %d endpoints, answers %s, %d problems%n",
                cases.size(), cases.stream().map(Case::endpoint).distinct().count(), statuses, problems.size());
        problems.stream().limit(40).forEach(p -> System.out.println("BadInputIT (notifier): " + p));
        assertThat(cases.size()).as("generated cases").isGreaterThanOrEqualTo(300);
        assertThat(problems).as("malformed requests answered wrongly (seed %d)", seed).isEmpty();
    }

    /** Both fields wrong, or one, in ways drawn from {@link #WRONG}; now and then a field twice. */
    private static Case mixed(Template template, Random random) {
        Map<String, Object> fields = new LinkedHashMap<>(template.valid());
        List<String> names = new ArrayList<>(fields.keySet());
        List<String> labels = new ArrayList<>();
        int wrong = 1 + random.nextInt(names.size());
        for (int i = 0; i < wrong; i++) {
            String name = names.get(random.nextInt(names.size()));
            Object value = WRONG.get(random.nextInt(WRONG.size()));
            fields.put(name, value);
            labels.add(name + "=" + abbreviated(String.valueOf(value)));
        }
        String label = "mixed " + String.join(", ", labels);
        if (template.carrier() == Carrier.JSON) {
            return new Case(template.endpoint(), label, template.method(), template.path(), Carrier.JSON,
                    "application/json", JSON.writeValueAsBytes(fields), Map.of(), false, false);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        fields.forEach((name, value) -> params.put(name, List.of(String.valueOf(value))));
        if (random.nextInt(5) == 0) {
            String twice = names.get(random.nextInt(names.size()));
            params.put(twice, List.of("nl", "en"));
            label += ", " + twice + " twice";
        }
        return new Case(template.endpoint(), label, template.method(), template.path(), Carrier.FORM,
                "application/x-www-form-urlencoded", null, params, true, false);
    }

    /** Values neither the delivery nor the language takes. */
    private static final List<Object> WRONG = List.of("", " ", "NL", "de", "nl ", "nl,en", "each_message",
            "EACH-MESSAGE", "DAILY", "GEEN_BEKENDE_WAARDE", "<script>alert(1)</script>", "'; drop table mail_preference; --",
            "\u0000", 0, -1, 1.5, true, "99999999999999999999", LARGE);

    private String check(Case c, VwUser user, Map<Integer, Integer> statuses) {
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(c.method()), c.path())
                .with(user(user)).header("Accept-Language", "nl");
        boolean api = c.path().startsWith("/api/");
        request.accept(api ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
        if (c.contentType() != null) {
            request.contentType(c.contentType());
        }
        if (c.body() != null) {
            request.content(c.body());
        }
        c.params().forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        if (c.csrf()) {
            request.with(csrf());
        } else if (c.forgedCsrf()) {
            request.with(csrf().useInvalidToken());
        }
        MvcResult result;
        try {
            result = mvc.perform(request).andReturn();
        } catch (Exception | Error failed) {
            statuses.merge(500, 1, Integer::sum);
            return "threw " + failed;
        }
        int status = result.getResponse().getStatus();
        statuses.merge(status, 1, Integer::sum);
        String body;
        try {
            body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "unreadable answer " + e;
        }
        if (status >= 500) {
            return status + " " + abbreviated(body);
        }
        if (body.contains("\tat ") || body.contains("Exception") || body.contains("org.springframework")) {
            return status + " with what looks like a stack trace: " + abbreviated(body);
        }
        if (c.label().contains("CSRF")) {
            return status == 403 ? null : status + ", expected 403 without a valid CSRF token";
        }
        if (api) {
            if (status < 400) {
                return status + ", expected a 4xx: " + abbreviated(body);
            }
            String type = result.getResponse().getContentType();
            if (type == null || !type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
                return status + " as " + type + ", expected problem JSON";
            }
            return body.contains("\"detail\"") ? null : status + " without a detail: " + abbreviated(body);
        }
        if (status >= 400) {
            return null;
        }
        if (status == 200 && (body.contains("role=\"alert\"") || body.contains("class=\"error\""))) {
            return null;
        }
        return status + ", expected the form with its errors or a 4xx (" + result.getResponse().getRedirectedUrl()
                + ") " + abbreviated(body);
    }

    /** Every table the notifier writes, whole: a refused request must leave each as it was. */
    private String stored() {
        StringBuilder digest = new StringBuilder();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = 'notifier' and table_type = 'BASE TABLE'"
                + " and table_name <> 'flyway_schema_history' order by 1", String.class)) {
            digest.append(table).append('=').append(jdbc.queryForObject("select md5(coalesce(string_agg(t::text, ','"
                    + " order by t::text), '')) from notifier." + table + " t", String.class)).append(' ');
        }
        return digest.toString();
    }

    /** The generator's 1 MB values cut to 100 kB: as wrong, and the run stays short. */
    private static Case smaller(Case c) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        c.params().forEach((name, values) -> params.put(name, values.stream()
                .map(v -> v.length() > LARGE.length() ? v.substring(0, LARGE.length()) : v).toList()));
        byte[] body = c.body() == null || c.body().length < 2 * LARGE.length() ? c.body()
                : new String(c.body(), StandardCharsets.UTF_8).replace(MalformedRequests.HUGE, LARGE)
                .getBytes(StandardCharsets.UTF_8);
        return new Case(c.endpoint(), c.label().replace("1 MB", "100 kB"), c.method(), c.path(), c.carrier(),
                c.contentType(), body, params, c.csrf(), c.forgedCsrf());
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
