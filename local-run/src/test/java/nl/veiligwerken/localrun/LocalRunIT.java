package nl.veiligwerken.localrun;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole system as {@code ./run-local} starts it (same launcher code, free ports, a temporary data
 * directory), following one report all the way: the form on the command service, the team leader's task in
 * the query service, the event on Kafka, the notification and its mail in the notifier.
 * <p>
 * Needs the three service jars; local-run depends on the services so that the reactor builds them first
 * ({@code ./mvnw verify}, or {@code -pl local-run -am}), and the test fails when they are missing.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LocalRunIT {

    private static final String NOORD = "ambulant-noord";
    private static final String ZUID = "woongroep-zuid";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static LocalSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path repo = Path.of(System.getProperty("vw.repoDir", "..")).toAbsolutePath().normalize();
        // under target/, not a temp dir: when the test fails, the services' logs are still there to read
        Path dataDir = Path.of("target", "local-run-it").toAbsolutePath();
        deleteRecursively(dataDir);
        LocalSystem candidate = new LocalSystem(LocalRunSettings.withFreePorts(repo, dataDir));
        // Fail, not skip: a skipped end-to-end test reads as a green build while nothing was tested. The pom
        // makes the reactor build the services first, so this only happens when they were left out of it.
        List<String> missing = candidate.missingJars();
        if (!missing.isEmpty()) {
            fail("The service jars this end-to-end test starts are not built: " + String.join(", ", missing)
                    + ". Build them in the same run: ./mvnw verify from the repository root, or"
                    + " ./mvnw -pl local-run -am verify.");
        }
        system = candidate;
        system.start();
        System.out.println("End-to-end: all services healthy after " + LocalSystem.seconds(system.startupTime())
                + " s; logs in " + system.settings().logDir());
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.stop();
        }
    }

    @Test
    void oneReportTravelsFromTheFormToTheTeamLeadersTaskListAndMailbox() throws Exception {
        URI command = system.url(Service.COMMAND);
        URI query = system.url(Service.QUERY);
        URI notifier = system.url(Service.NOTIFIER);
        String description = "End-to-end test " + UUID.randomUUID() + ": raised voice at the front door";

        // Sanne reports, on the web form as a person would
        Browser sanne = new Browser();
        sanne.signIn(command, "sanne", "demo");
        HttpResponse<String> form = sanne.get(command.resolve("/incidents/new"));
        assertStatus(form, 200);
        for (String field : List.of("teamId", "reportedFor", "occurredAt", "setting", "kinds", "severity",
                "aggressor", "clientReference", "injuries", "policeInvolved", "description", "supportWanted")) {
            assertThat(form.body()).as("the report form has a field named %s", field).contains("name=\"" + field + "\"");
        }
        Map<String, List<String>> report = new HashMap<>();
        report.put("_csrf", List.of(Browser.csrfToken(form.body())));
        report.put("teamId", List.of(NOORD));
        report.put("occurredAt", List.of(LocalDateTime.now().minusHours(1).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        report.put("setting", List.of("CLIENT_HOME"));
        report.put("kinds", List.of("VERBAL_ABUSE", "THREAT"));
        report.put("severity", List.of("SERIOUS"));
        report.put("aggressor", List.of("CLIENT"));
        report.put("clientReference", List.of("CL-2026-17"));
        report.put("description", List.of(description));
        report.put("supportWanted", List.of("true"));
        HttpResponse<String> submitted = sanne.postForm(command.resolve("/incidents/new"), report);
        // a 200 here means the form came back with errors: its body says which
        assertStatus(submitted, 302);
        Matcher reported = Pattern.compile("/incidents/([^/]+)/reported")
                .matcher(submitted.headers().firstValue("Location").orElse(""));
        assertThat(reported.find()).as("redirect to the confirmation page").isTrue();
        String incidentId = reported.group(1);
        assertStatus(sanne.follow(command, submitted), 200);

        // Sanne leads no team: neither the tasks of another team nor their page are hers to see
        assertStatus(sanne.getJson(query.resolve("/api/tasks?team=" + ZUID)), 403);
        assertStatus(sanne.get(query.resolve("/tasks?team=" + ZUID)), 403);

        // Mark, her team leader, signs in once and sees the first-support task
        Browser mark = new Browser();
        mark.signIn(command, "mark", "demo");
        Map<String, Object> task = eventually("the FIRST_SUPPORT task in GET /api/tasks?team=" + NOORD, () -> {
            HttpResponse<String> tasks = mark.getJson(query.resolve("/api/tasks?team=" + NOORD));
            assertStatus(tasks, 200);
            List<Map<String, Object>> all = JsonPath.read(tasks.body(), "$");
            return all.stream().filter(t -> incidentId.equals(t.get("incidentId")) && "FIRST_SUPPORT".equals(t.get("step")))
                    .findFirst();
        });
        // a serious incident with a known aggressor needs more than first support
        eventually("the other tasks of " + incidentId, () -> {
            List<String> steps = JsonPath.read(mark.getJson(query.resolve("/api/tasks?team=" + NOORD)).body(),
                    "$[?(@.incidentId == '" + incidentId + "')].step");
            return steps.containsAll(List.of("AFTERCARE_TALK", "AGGRESSOR_RESPONSE", "FEEDBACK", "INCIDENT_ANALYSIS"))
                    ? Optional.of(steps) : Optional.<List<String>>empty();
        });
        assertThat(task.get("teamId")).isEqualTo(NOORD);
        assertStatus(mark.get(query.resolve("/tasks?team=" + NOORD)), 200);

        // The published events: CloudEvents headers, and nothing of what happened
        List<ConsumerRecord<String, String>> records = recordsOf(incidentId);
        assertThat(records).extracting(r -> header(r, "ce_type"))
                .contains("nl.veiligwerken.incident.reported.v1", "nl.veiligwerken.incident.task-scheduled.v1");
        for (ConsumerRecord<String, String> record : records) {
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_id")).isNotBlank();
            assertThat(header(record, "ce_source")).isEqualTo("/veilig-werken/incident-command");
            assertThat(header(record, "ce_subject")).isEqualTo(incidentId);
            assertThat(OffsetDateTime.parse(header(record, "ce_time"))).as("ce_time is RFC 3339").isNotNull();
            assertThat(header(record, "content-type")).startsWith("application/json");
            assertThat(record.value()).contains(incidentId).doesNotContain(description);
        }
        assertThat(records).extracting(r -> header(r, "ce_id")).doesNotHaveDuplicates();

        // The notifier tells Mark: on his notifications page and by mail
        eventually("mark's notification about " + incidentId, () -> {
            HttpResponse<String> list = mark.getJson(notifier.resolve("/api/notifications"));
            assertStatus(list, 200);
            List<Map<String, Object>> all = JsonPath.read(list.body(), "$");
            return all.stream().filter(n -> incidentId.equals(n.get("incidentId"))).findFirst();
        });
        MimeMessage mail = eventually("a mail to mark@demo.veiligwerken.local", () -> system.mailbox().receivedMessages()
                .stream().filter(m -> recipients(m).contains("mark@demo.veiligwerken.local")).findFirst());
        assertThat(mail.getSubject()).isNotBlank();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.writeTo(raw);
        assertThat(raw.toString(StandardCharsets.UTF_8)).as("the mail leaves out what happened").doesNotContain(description);
    }

    /**
     * A serious incident with an injury, taken from the report to closed on the pages alone, each step reached
     * the way a team leader reaches it: from the link on the task list.
     */
    @Test
    void aSeriousIncidentIsTakenFromReportToClosedOnThePages() throws Exception {
        URI command = system.url(Service.COMMAND);
        URI query = system.url(Service.QUERY);

        Browser sanne = new Browser();
        sanne.signIn(command, "sanne", "demo");
        HttpResponse<String> reported = submit(sanne, command.resolve("/incidents/new"), null, Map.of(
                "teamId", List.of(NOORD), "occurredAt", List.of(local(Duration.ofHours(-1))),
                "setting", List.of("OFFICE"), "kinds", List.of("PHYSICAL_VIOLENCE"), "severity", List.of("SERIOUS"),
                "aggressor", List.of("CLIENT"), "clientReference", List.of("CL-2026-18"),
                "injuries", List.of("HOSPITAL_ADMISSION"), "description", List.of("Geslagen bij de balie"),
                "supportWanted", List.of("true")));
        Matcher id = Pattern.compile("/incidents/([^/]+)/reported").matcher(reported.headers().firstValue("Location").orElse(""));
        assertThat(id.find()).as("redirect to the confirmation page").isTrue();
        String incidentId = id.group(1);

        Browser mark = new Browser();
        mark.signIn(command, "mark", "demo");
        String justNow = local(Duration.ofMinutes(-1));
        Map<String, URI> links = eventually("the task list linking every step of " + incidentId, () -> {
            Map<String, URI> found = taskLinks(mark, query, incidentId);
            return found.keySet().containsAll(List.of("first-support", "labour-inspectorate", "aftercare",
                    "aggressor-response", "feedback", "analysis")) ? Optional.of(found) : Optional.empty();
        });
        submit(mark, links.get("first-support"), null, Map.of("offeredAt", List.of(justNow), "response", List.of("ACCEPTED")));
        submit(mark, links.get("labour-inspectorate"), null,
                Map.of("notifiedAt", List.of(justNow), "reference", List.of("AI-2026-0042")));
        submit(mark, links.get("aggressor-response"), null, Map.of("responses", List.of("CONVERSATION", "POLICE_REPORT"),
                "explanation", List.of("Gesprek met de cli\u00ebnt, aangifte gedaan"), "respondedAt", List.of(justNow)));
        URI aftercare = links.get("aftercare");
        for (int talk = 0; talk < 3; talk++) { // the talk, then the two check-ins a serious incident needs
            submit(mark, aftercare, null, Map.of("heldAt", List.of(justNow), "outcome", List.of("HELD")));
        }
        submit(mark, links.get("feedback"), null, Map.of("message", List.of("We hebben met de cli\u00ebnt gesproken.")));

        // the police report by the employer, an action its owner completes
        URI plan = command.resolve("/incidents/" + incidentId + "/actions");
        HttpResponse<String> planPage = mark.get(plan);
        String actionId = Browser.hiddenFields(planPage.body()).get("actionId").get(0);
        // the id the page made for this action is the one planned: sent from this same page
        assertStatus(mark.postForm(plan, withHidden(planPage, Map.of("kind", List.of("POLICE_REPORT"),
                "byEmployer", List.of("true"), "description", List.of("Aangifte namens Sanne"),
                "owner", List.of("sanne"), "dueAt", List.of(local(Duration.ofDays(7)))))), 302);
        submit(mark, command.resolve("/incidents/" + incidentId + "/actions/" + actionId + "/complete"), null,
                Map.of("result", List.of("Aangifte gedaan"), "completedAt", List.of(justNow)));

        // the prevention officer analyses; the measure becomes an action for sanne, which her leader may complete
        Browser pim = new Browser();
        pim.signIn(command, "pim", "demo");
        HttpResponse<String> analysisPage = pim.get(links.get("analysis"));
        String measureId = Browser.hiddenFields(analysisPage.body()).get("measures[0].actionId").get(0);
        assertStatus(pim.postForm(links.get("analysis"), withHidden(analysisPage, Map.of("causes", List.of("Lange wachttijd"),
                "learningPoints[0].level", List.of("TEAM"), "learningPoints[0].skill", List.of("DE_ESCALATION"),
                "learningPoints[0].text", List.of("Eerder de-escaleren"),
                "measures[0].description", List.of("Tweede collega aan de balie"), "measures[0].owner", List.of("sanne"),
                "measures[0].dueAt", List.of(local(Duration.ofDays(30)))))), 302);

        URI closing = command.resolve("/incidents/" + incidentId + "/closing");
        URI close = command.resolve("/incidents/" + incidentId + "/close");
        HttpResponse<String> refused = mark.postForm(close, withHidden(mark.get(closing), Map.of()));
        assertStatus(refused, 200);
        assertThat(refused.body()).as("closing refused while the measure is open").contains("Nog open: Vervolgactie uitvoeren");

        submit(mark, command.resolve("/incidents/" + incidentId + "/actions/" + measureId + "/complete"), null,
                Map.of("result", List.of("Rooster aangepast"), "completedAt", List.of(justNow)));
        submit(mark, closing, close, Map.of());
        HttpResponse<String> afterwards = mark.get(closing);
        assertThat(afterwards.body()).as("the closing page of a closed incident offers reopening")
                .contains("/incidents/" + incidentId + "/reopen");
    }

    /** The links to the step forms the task list shows for one incident, by the form's last path segment. */
    private static Map<String, URI> taskLinks(Browser leader, URI query, String incidentId) throws Exception {
        HttpResponse<String> tasks = leader.get(query.resolve("/tasks?team=" + NOORD));
        assertStatus(tasks, 200);
        Map<String, URI> links = new HashMap<>();
        Matcher href = Pattern.compile("href=\"([^\"]*/incidents/" + Pattern.quote(incidentId) + "/([a-z-]+))\"")
                .matcher(tasks.body());
        while (href.find()) {
            links.put(href.group(2), URI.create(href.group(1).replace("&amp;", "&")));
        }
        return links;
    }

    /** Opens the form, fills in what a person would, sends it with what the page carries, expects the redirect. */
    private static HttpResponse<String> submit(Browser who, URI page, URI action, Map<String, List<String>> typed)
            throws Exception {
        HttpResponse<String> answer = who.postForm(action == null ? page : action, withHidden(who.get(page), typed));
        // a 200 here means the form came back with errors: its body says which
        assertStatus(answer, 302);
        return answer;
    }

    private static Map<String, List<String>> withHidden(HttpResponse<String> form, Map<String, List<String>> typed) {
        assertStatus(form, 200);
        Map<String, List<String>> fields = new HashMap<>(Browser.hiddenFields(form.body()));
        fields.putAll(typed);
        return fields;
    }

    /** Local time in the organisation's zone, as a person types it into the form. */
    private static String local(Duration fromNow) {
        return LocalDateTime.now(java.time.ZoneId.of("Europe/Amsterdam")).plus(fromNow).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    private static void assertStatus(HttpResponse<String> response, int expected) {
        String body = response.body();
        assertThat(response.statusCode()).as("%s %s answered: %s (logs in %s)", response.request().method(),
                response.request().uri(), body.length() > 500 ? body.substring(0, 500) + " ..." : body,
                system.settings().logDir()).isEqualTo(expected);
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (java.nio.file.Files.exists(dir)) {
            try (var paths = java.nio.file.Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
        }
    }

    private static List<ConsumerRecord<String, String>> recordsOf(String incidentId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "local-run-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> ofIncident = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("incident-events"));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline) && !(hasType(ofIncident, "reported") && hasType(ofIncident, "task-scheduled"))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (incidentId.equals(record.key())) {
                        ofIncident.add(record);
                    }
                }
            }
        }
        assertThat(ofIncident).as("records with key %s on incident-events", incidentId).isNotEmpty();
        return ofIncident;
    }

    private static boolean hasType(List<ConsumerRecord<String, String>> records, String type) {
        return records.stream().anyMatch(r -> String.valueOf(header(r, "ce_type")).contains("." + type + "."));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            return List.of();
        }
    }

    /** Polls until the answer is there: the read side, Kafka and the mail outbox all follow asynchronously. */
    private static <T> T eventually(String what, Callable<Optional<T>> probe) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        AssertionError last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                Optional<T> found = probe.call();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (AssertionError e) {
                last = e; // e.g. a 503 while a projection catches up; try again until the deadline
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not seen within " + PATIENCE.toSeconds() + "s: " + what, last);
    }
}
