package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.recipients.Recipients;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.notifier.TestMailServer;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.test.Endpoints;
import nl.veiligwerken.platform.test.FreePorts;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Issue 6, item 2: every endpoint and page of the notifier × every role × own or other team, allowed or refused,
 * and a new endpoint without an access rule fails here. A notification is the recipient's alone, whatever
 * their role: the matrix holds a real one, for a staff member of team A, that everyone else tries to mark read.
 */
@SpringBootTest(properties = {
        "veilig-werken.notifier.reminders.interval=1h",
        "spring.mail.host=127.0.0.1"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@EmbeddedKafka(topics = PublishedEventType.TOPIC, partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class AccessMatrixIT {

    private static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension greenMail = TestMailServer.smtpOn(SMTP_PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    /** Who may use an endpoint, from the person's role and whether the notification is theirs. */
    enum Rule {
        /** Also without signing in. */
        PUBLIC(s -> true),
        /** Everyone, each their own notifications and mail settings (looked up by the signed-in name). */
        ANY_SIGNED_IN(s -> true),
        /**
         * The notification's recipient. Anyone else gets a 404, not a 403: someone else's notification looks
         * exactly like one that does not exist, so its id says nothing.
         */
        RECIPIENT(Subject::recipient),
        /** A person's data exported on request (GDPR art. 15/20): the prevention officer handles such requests. */
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
        // framework: sign-in, errors and the health probe are open.
        // The error page answers with the status of the error it shows: called directly, a 500 without a cause.
        RULES.put("GET /login", Rule.PUBLIC);
        RULES.put("* /error", Rule.PUBLIC);
        RULES.put("GET /actuator/health", Rule.PUBLIC);
        RULES.put("GET /actuator/health/**", Rule.PUBLIC);
        RULES.put("GET /actuator", Rule.ANY_SIGNED_IN);

        RULES.put("GET /notifications", Rule.ANY_SIGNED_IN);
        RULES.put("GET /api/notifications", Rule.ANY_SIGNED_IN);
        RULES.put("GET /notifications/preferences", Rule.ANY_SIGNED_IN);
        RULES.put("POST /notifications/preferences", Rule.ANY_SIGNED_IN);
        RULES.put("GET /api/notifications/preferences", Rule.ANY_SIGNED_IN);
        RULES.put("PUT /api/notifications/preferences", Rule.ANY_SIGNED_IN);
        RULES.put("POST /notifications/{id}/read", Rule.RECIPIENT);

        // the mail that could not be handled: the administrator (an unknown id here, so nothing is retried: 404)
        // the notifications a person received, exported on request (without a person named: a 400)
        RULES.put("GET /api/privacy/export", Rule.PREVENTION_OFFICER);

        RULES.put("GET /admin/dead-letters", Rule.ADMIN);
        RULES.put("POST /admin/dead-letters/{id}/retry", Rule.ADMIN);
        RULES.put("GET /api/admin/dead-letters", Rule.ADMIN);
        RULES.put("POST /api/admin/dead-letters/{id}/retry", Rule.ADMIN);
    }

    record Subject(String label, Role role, boolean recipient, VwUser user) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointHasARuleAndKeepsIt() throws Exception {
        Set<String> mapped = Endpoints.mapped(context);
        List<String> mismatches = new ArrayList<>(Endpoints.withoutRule(mapped, RULES.keySet()));

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TeamId teamA = new TeamId("a-" + suffix);
        TeamId teamB = new TeamId("b-" + suffix);
        List<Subject> subjects = new ArrayList<>();
        person(subjects, "STAFF, own team", Role.STAFF, teamA, false, suffix);
        person(subjects, "STAFF, other team", Role.STAFF, teamB, false, suffix);
        for (Role role : List.of(Role.TEAM_LEADER, Role.PEER_SUPPORTER, Role.PREVENTION_OFFICER, Role.MANAGEMENT,
                Role.ADMIN)) {
            person(subjects, role + ", own team", role, teamA, false, suffix);
            person(subjects, role + ", other team", role, teamB, false, suffix);
        }
        // last, so everyone else tries the notification while it is still unread
        Subject recipient = person(subjects, "STAFF, own team, recipient", Role.STAFF, teamA, true, suffix);

        Instant now = Instant.now();
        // as the service records it: the event it came from, handled
        jdbc.sql("insert into processed_event (event_id, event_type, processed_at) values (?, ?, ?)")
                .params("event-" + suffix, "nl.veiligwerken.incident.task-scheduled.v1",
                        java.sql.Timestamp.from(now)).update();
        long notification = notifications.save(Notification.taskScheduled("event-" + suffix,
                new Recipients.Recipient(recipient.user().getUsername(), "Ontvanger", "r@example.test", "nl"),
                teamA.value(), "Team A", UUID.randomUUID().toString(), "task-" + suffix, ProtocolStep.AFTERCARE_TALK,
                now.plus(Duration.ofDays(1)), now)).id();

        for (Map.Entry<String, Rule> entry : RULES.entrySet()) {
            if (!mapped.contains(entry.getKey())) {
                continue;
            }
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = entry.getKey().substring(method.length() + 1)
                    .replace("/notifications/{id}", "/notifications/" + notification)
                    .replace("{id}", "987654321")
                    .replace("/**", "/liveness");
            String anonymous = check(entry, "anonymous", method, path, null, entry.getValue() == Rule.PUBLIC,
                    notification);
            if (anonymous != null) {
                mismatches.add(anonymous);
            }
            for (Subject subject : subjects) {
                String mismatch = check(entry, subject.label(), method, path, subject.user(),
                        entry.getValue().allows.test(subject), notification);
                if (mismatch != null) {
                    mismatches.add(mismatch);
                }
            }
        }
        assertThat(read(notification)).as("the recipient marked it read").isTrue();
        assertThat(mismatches).as("access matrix of the notifier").isEmpty();
    }

    /** Null when the answer fits the rule, otherwise what went wrong. */
    private String check(Map.Entry<String, Rule> entry, String who, String method, String path, VwUser user,
                         boolean allowed, long notification) {
        String endpoint = entry.getKey();
        boolean api = path.startsWith("/api/");
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf("*".equals(method) ? "GET" : method), path);
        if (user != null) {
            request.with(user(user));
        }
        if (api) {
            request.accept(MediaType.APPLICATION_JSON);
            if ("PUT".equals(method) || "POST".equals(method)) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
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
        int refused = entry.getValue() == Rule.RECIPIENT ? 404 : 403;
        if (status != refused) {
            return endpoint + " as " + who + ": " + status + ", expected " + refused;
        }
        // the one thing a refusal could change here: the notification (the dead letters are asked for an unknown id)
        return entry.getValue() == Rule.RECIPIENT && read(notification) ? endpoint + " as " + who + ": " + refused + " but the notification is read" : null;
    }

    private boolean read(long notification) {
        return jdbc.sql("select is_read from notification where id = ?").param(notification).query(Boolean.class)
                .single();
    }

    private Subject person(List<Subject> subjects, String label, Role role, TeamId team, boolean recipient,
                           String suffix) {
        String username = label.toLowerCase().replaceAll("[^a-z]+", "-") + suffix;
        Set<TeamId> leads = role == Role.TEAM_LEADER ? Set.of(team) : Set.of();
        Subject subject = new Subject(label, role, recipient, new VwUser(username, label, username + "@example.test",
                "{noop}x", true, Set.of(role), Set.of(team), leads));
        subjects.add(subject);
        return subject;
    }
}
