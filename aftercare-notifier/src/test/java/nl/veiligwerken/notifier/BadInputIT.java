package nl.veiligwerken.notifier;

import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.test.Endpoints;
import nl.veiligwerken.platform.test.FreePorts;
import nl.veiligwerken.platform.test.MalformedRequests;
import nl.veiligwerken.platform.test.TestAccounts;
import nl.veiligwerken.platform.test.MalformedRequestCheck;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static nl.veiligwerken.platform.test.MalformedRequestCheck.abbreviated;
import static nl.veiligwerken.platform.test.MalformedRequestCheck.printable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 7, item 6, for the notifier: malformed mail settings (form and API), privacy export and notification
 * filters that name no one or cannot be names, notification and dead-letter ids that are no ids, of nothing or of
 * someone else, a dead letter offered again twice, and posts without their CSRF token (also on a real unread
 * notification and a real dead letter), generated from a valid request of each ({@link MalformedRequests},
 * seeded: the seed is printed) and mixed at random from the same seed, by a person allowed everywhere. Each
 * answer is a 4xx: a problem JSON with a {@code detail} from the API, the form again with its Dutch error text
 * (or a 4xx) from a page; a 403 without the CSRF token; never a 5xx or a stack trace. And nothing is stored:
 * every table the notifier writes holds what it held, row for row, and a refused export leaves no row in the
 * audit log. On a database of its own, with no mail server (mails are not what it is about).
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
    /** Random mixtures per mail-settings endpoint, on top of the one-thing-wrong cases. */
    private static final int MIXED = 75;
    /** Random numbers that are no notification's or dead letter's id, per endpoint with an id. */
    private static final int RANDOM_IDS = 20;
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
        // the prevention officer for the privacy export, the administrator for the dead letters
        Set<Role> roles = Set.of(Role.STAFF, Role.TEAM_LEADER, Role.ADMIN, Role.PREVENTION_OFFICER);
        String username = "all-" + suffix;
        directory.saveTeam(team, "Team " + suffix);
        VwUser all = TestAccounts.save(directory, username, team, roles);
        // a setting of their own already, which a malformed request must leave as it is
        Map<String, Object> preference = map("delivery", "DAILY_DIGEST", "language", "en");
        mvc.perform(put("/api/notifications/preferences").with(user(all)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(preference))).andExpect(status().isOk());
        // an unread notification of theirs and one of someone else's; a dead letter waiting and one offered again
        long own = notification(username, suffix + "-own");
        long othersId = notification("iemand-anders-" + suffix, suffix + "-other");
        long waiting = deadLetter(false);
        long retried = deadLetter(true);

        List<Template> templates = List.of(
                Template.json("PUT /api/notifications/preferences", "/api/notifications/preferences", preference),
                Template.form("POST /notifications/preferences", "/notifications/preferences", preference),
                Template.query("GET /api/privacy/export", "/api/privacy/export", map("person", "iemand-anders-" + suffix)),
                Template.query("GET /api/notifications", "/api/notifications", map("recipient", username),
                        "recipient"));

        long seed = MalformedRequests.seed();
        System.out.println("BadInputIT (notifier): seed " + seed + " (repeat with -Dbad-input.seed=" + seed + ")");
        MalformedRequests generator = new MalformedRequests(seed);
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (Template template : templates) {
            generator.of(template).stream().map(BadInputIT::smaller).forEach(cases::add);
            if (template.carrier() != Carrier.QUERY) {
                for (int i = 0; i < MIXED; i++) {
                    cases.add(mixed(template, random));
                }
            }
        }
        // a person to export who cannot be one: none, blank, longer than any username, a NUL (any other text
        // names a person the notifier does not know, whose export is empty, as documented)
        for (String person : List.of("", " ", "\t\n", "x".repeat(65), LARGE.substring(0, 5_000), LARGE,
                "\u0000")) {
            cases.add(new Case("GET /api/privacy/export", "person " + printable(person), "GET", "/api/privacy/export",
                    Carrier.QUERY, null, null, Map.of("person", List.of(person)), false, false));
        }
        // someone else's notifications through the API's filter: refused, and a filter that is no name
        for (String recipient : List.of("iemand-anders-" + suffix, username.toUpperCase(java.util.Locale.ROOT),
                username + " ", LARGE, "<script>", "", " ", "x".repeat(65), "\u0000", "\uFFFF\uD800")) {
            cases.add(new Case("GET /api/notifications", "recipient " + printable(recipient), "GET",
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
                // a real id where a refusal must keep it as it is: someone else's notification, the dead letter
                // already offered again (the API's retry takes no body: a broken one meets the 409)
                String id = pattern.startsWith("/notifications/") ? String.valueOf(othersId)
                        : api ? String.valueOf(retried) : String.valueOf(Long.MAX_VALUE);
                cases.addAll(generator.generic(endpoint, pattern.replace("{id}", id)).stream()
                        .map(BadInputIT::smaller).toList());
            }
            if (pattern.contains("{")) {
                List<String> nothings = new ArrayList<>(List.of("geen-id", "-1", "0", "1.5", "1e3", "0x10", "+-1",
                        "99999999999999999999", "9223372036854775807", "%C3%28", UUID.randomUUID().toString(),
                        LARGE.substring(0, 5_000)));
                for (int i = 0; i < RANDOM_IDS; i++) {
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
        // what a forged post would change if it got through: their own unread notification, a waiting dead letter
        for (String[] post : new String[][]{{"POST /notifications/{id}/read", "/notifications/" + own + "/read"},
                {"POST /admin/dead-letters/{id}/retry", "/admin/dead-letters/" + waiting + "/retry"}}) {
            for (boolean forged : new boolean[]{false, true}) {
                cases.add(new Case(post[0], (forged ? "forged CSRF token" : "without CSRF token") + " on a real one",
                        "POST", post[1], Carrier.FORM, "application/x-www-form-urlencoded", null, Map.of(), false,
                        forged));
            }
        }
        cases.add(new Case("POST /notifications/{id}/read", "someone else's", "POST", "/notifications/" + othersId
                + "/read", Carrier.FORM, "application/x-www-form-urlencoded", null, Map.of(), true, false));
        cases.add(new Case("POST /api/admin/dead-letters/{id}/retry", "offered again before", "POST",
                "/api/admin/dead-letters/" + retried + "/retry", Carrier.JSON, null, null, Map.of(), false, false));

        MalformedRequestCheck check = new MalformedRequestCheck(mvc, BadInputIT::pageRule);
        // a refused privacy export must leave no export on record
        List<String> problems = check.sendAll(cases, c -> user(all), this::stored, this::auditRows);
        System.out.printf("BadInputIT (notifier): %d malformed requests to %d endpoints, answers %s, %d problems%n",
                cases.size(), cases.stream().map(Case::endpoint).distinct().count(), check.statuses(), problems.size());
        problems.stream().limit(60).forEach(p -> System.out.println("BadInputIT (notifier): " + p));
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

    /** This service's pages: a refusal, or the form shown again with its errors; a post that was taken is wrong. */
    private static String pageRule(Case c, MalformedRequestCheck.Answer answer) {
        if (answer.status() >= 400) {
            return null;
        }
        if (answer.status() == 200 && (answer.body().contains("role=\"alert\"") || answer.body().contains("class=\"error\""))) {
            return null;
        }
        return answer.status() + ", expected the form with its errors or a 4xx (" + answer.redirectedUrl() + ") "
                + abbreviated(answer.body());
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

    /** The audit log is append-only: its length says whether a request put an export on record. */
    private long auditRows() {
        return jdbc.queryForObject("select count(*) from audit.audit_log", Long.class);
    }

    /** An unread notification for {@code recipient}, its mail sent already (so no mail run touches it). */
    private long notification(String recipient, String event) {
        jdbc.update("insert into notifier.processed_event (event_id, event_type, processed_at) values (?, ?, now())",
                event, "IncidentReported");
        return jdbc.queryForObject("""
                insert into notifier.notification (source_event_id, kind, recipient_username, recipient_name,
                    recipient_email, language, team_id, team_name, incident_id, created_at, mail_status,
                    next_attempt_at, mail_sent_at)
                values (?, 'NEW_INCIDENT', ?, ?, ?, 'nl', 'bad', 'Team', ?, now(), 'SENT', now(), now())
                returning id""", Long.class, event, recipient, recipient, recipient + "@example.test",
                UUID.randomUUID().toString());
    }

    /** A record the notifier could not read, as it arrived on the dead-letter topic; {@code retried}: offered again. */
    private long deadLetter(boolean retried) {
        return jdbc.queryForObject("""
                insert into notifier.dead_letter (dlt_topic, dlt_partition, dlt_offset, record_key, record_value,
                    headers, received_at, retried_at, retried_by)
                values ('incident-events.DLT', 0, ?, 'bad-input', ?, '[]', now(), ?, ?) returning id""", Long.class,
                System.nanoTime(), "{".getBytes(StandardCharsets.UTF_8),
                retried ? java.sql.Timestamp.from(java.time.Instant.now()) : null, retried ? "beheerder" : null);
    }

    /** The text with control characters, unassigned ones and lone surrogates escaped, so a report shows them. */

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

}
