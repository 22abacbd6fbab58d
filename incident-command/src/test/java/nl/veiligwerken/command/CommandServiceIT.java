package nl.veiligwerken.command;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.directory.AccountSaved;
import nl.veiligwerken.api.directory.DirectoryEventType;
import nl.veiligwerken.platform.security.AccountDirectory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The command service on a real PostgreSQL and a real (embedded) Kafka broker; the deadline scheduler looks
 * often, so a task due now falls overdue within the test.
 */
@CommandServiceIntegrationTest
@org.springframework.test.context.TestPropertySource(properties = "veilig-werken.deadlines.polling-interval=200ms")
class CommandServiceIT {

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
    EmbeddedKafkaBroker kafka;
    @Autowired
    nl.veiligwerken.command.publishing.PublisherControl publisher;

    CommandTestUsers users;

    @BeforeEach
    void setUp() {
        users = new CommandTestUsers(directory);
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from eventstore.domain_event_entry", Long.class);
    }

    @Test
    void withoutTheDemoProfileTheLoginPageOffersNoDemoAccounts() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Aanmelden")))
                .andExpect(content().string(not(containsString("demo-omgeving"))));
    }

    @Test
    void theFormOffersOnlyTheReportersTeamsAndAsksWhetherSupportIsWanted() throws Exception {
        mvc.perform(get("/incidents/new").with(user(users.staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Incident melden")))
                .andExpect(content().string(containsString("value=\"" + users.team.value() + "\"")))
                .andExpect(content().string(not(containsString("value=\"" + users.otherTeam.value() + "\""))))
                .andExpect(content().string(containsString("Wil je nu opvang")))
                .andExpect(content().string(containsString("type=\"datetime-local\"")))
                .andExpect(content().string(not(containsString("name=\"_occurredAt\""))));
    }

    /**
     * The header reads the notifier's published view (its contract: recipient_username, unread), written out here
     * because the notifier's schema is not in this service's database; without it a page shows no count.
     */
    @Test
    void theHeaderShowsTheUnreadCountFromTheNotifiersView() throws Exception {
        mvc.perform(get("/incidents/new").with(user(users.staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("ongelezen"))));
        jdbc.execute("create schema notifier");
        try {
            jdbc.execute("create view notifier.unread_notifications (recipient_username, unread) as values ('"
                    + users.staff.getUsername() + "', 3::bigint)");
            mvc.perform(get("/incidents/new").with(user(users.staff)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("3 ongelezen berichten")));
        } finally {
            jdbc.execute("drop schema notifier cascade");
        }
    }

    @Test
    void anIncompleteFormShowsDutchFieldErrorsAndStoresNothing() throws Exception {
        long before = storedEvents();
        mvc.perform(post("/incidents/new").with(user(users.staff)).with(csrf())
                        .param("teamId", users.team.value())
                        .param("occurredAt", "")
                        .param("setting", "PHONE")
                        .param("description", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"PHONE\" selected=\"selected\">")))
                .andExpect(content().string(containsString("Vul in wanneer het gebeurde.")))
                .andExpect(content().string(containsString("Kies ten minste één soort agressie.")))
                .andExpect(content().string(containsString("Kies hoe ernstig het was.")))
                .andExpect(content().string(containsString("Beschrijf kort wat er gebeurde.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aFormWithValuesThatCannotBeReadShowsErrorsNotAFailure() throws Exception {
        long before = storedEvents();
        mvc.perform(post("/incidents/new").with(user(users.staff)).with(csrf())
                        .param("teamId", users.team.value())
                        .param("occurredAt", "gisteren")
                        .param("setting", "MOON")
                        .param("kinds", "THREAT")
                        .param("severity", "MINOR")
                        .param("description", "x")
                        .param("supportWanted", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has-error")));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aReportForATeamTheReporterIsNotInIsRefused() throws Exception {
        long before = storedEvents();
        mvc.perform(post("/incidents/new").with(user(users.staff)).with(csrf())
                        .param("teamId", users.otherTeam.value())
                        .param("occurredAt", "2026-01-10T10:00")
                        .param("setting", "OFFICE")
                        .param("kinds", "THREAT")
                        .param("severity", "MINOR")
                        .param("description", "Schold mij uit")
                        .param("supportWanted", "false"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("alleen melden voor een team waar je bij hoort")));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/incidents/new").with(user(users.staff)).param("teamId", users.team.value()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCompleteFormIsStoredAsEventsAndSchedulesEveryRequiredStep() throws Exception {
        MvcResult result = mvc.perform(post("/incidents/new").with(user(users.staff)).with(csrf())
                        .param("teamId", users.team.value())
                        .param("occurredAt", "2026-01-10T10:00")
                        .param("setting", "CLIENT_HOME")
                        .param("kinds", "THREAT", "PHYSICAL_VIOLENCE")
                        .param("severity", "SERIOUS")
                        .param("aggressor", "CLIENT")
                        .param("clientReference", "cl-4711")
                        .param("injuries", "HOSPITAL_ADMISSION")
                        .param("policeInvolved", "true")
                        .param("description", "Cliënt sloeg mij")
                        .param("supportWanted", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/incidents/*/reported"))
                .andReturn();
        String incidentId = result.getResponse().getRedirectedUrl().split("/")[2];

        List<Map<String, Object>> events = jdbc.queryForList("""
                select global_index, sequence_number, payload_type, payload_revision, pg_typeof(payload)::text as column_type
                  from eventstore.domain_event_entry where aggregate_identifier = ? order by sequence_number""", incidentId);
        assertThat(events).extracting(e -> e.get("payload_type")).containsExactly(
                "nl.veiligwerken.api.reporting.IncidentReportedEvent", "nl.veiligwerken.api.protocol.TaskScheduledEvent",
                "nl.veiligwerken.api.protocol.TaskScheduledEvent", "nl.veiligwerken.api.protocol.TaskScheduledEvent",
                "nl.veiligwerken.api.protocol.TaskScheduledEvent", "nl.veiligwerken.api.protocol.TaskScheduledEvent",
                "nl.veiligwerken.api.protocol.TaskScheduledEvent");
        List<String> payloads = jdbc.queryForList(
                "select convert_from(payload, 'UTF8') from eventstore.domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, incidentId);
        assertThat(payloads.get(0)).contains("\"HOSPITAL_ADMISSION\"", "\"policeInvolved\":true",
                "\"aggressor\":\"CLIENT\"", "\"protocolVersion\":1")
                .as("personal fields are stored encrypted").doesNotContain("CL-4711", "Cliënt sloeg mij")
                .contains("\"clientReference\":{\"$enc\":\"v1:");
        assertThat(new StoredEvents(eventStore, jsonMapper).json(incidentId,
                "nl.veiligwerken.api.reporting.IncidentReportedEvent").get(0))
                .contains("\"clientReference\":\"CL-4711\"", "\"description\":\"Cliënt sloeg mij\"");
        assertThat(String.join("\n", payloads.subList(1, payloads.size()))).as("serious, known aggressor, hospital admission")
                .contains("\"step\":\"FIRST_SUPPORT\"", "\"step\":\"AFTERCARE_TALK\"", "\"step\":\"AGGRESSOR_RESPONSE\"",
                        "\"step\":\"FEEDBACK\"", "\"step\":\"INCIDENT_ANALYSIS\"", "\"step\":\"LABOUR_INSPECTORATE\"");
        assertThat(events).extracting(e -> e.get("payload_revision")).containsOnly("1");
        assertThat(events).extracting(e -> e.get("column_type")).containsOnly("bytea");
        long first = (Long) events.get(0).get("global_index");
        assertThat((Long) events.get(1).get("global_index")).as("gap-free global index").isEqualTo(first + 1);

        mvc.perform(get(result.getResponse().getRedirectedUrl()).with(user(users.staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(incidentId)))
                .andExpect(content().string(containsString("binnen 24 uur collegiale opvang")));
    }

    /**
     * Axon's default event store has a producer thread that reads ahead into a cache shared by the processors; after
     * a large import it held the events in memory until the service ran out of heap (docs/performance.md). Here the
     * publisher reads its own stream, so once it has caught up with a new report no such thread runs.
     */
    @Test
    void theProcessorsReadTheStoreThemselvesWithoutASharedReadAheadCache() throws Exception {
        users.report(mvc, "Dreigde met een stoel");
        long head = jdbc.queryForObject("select max(global_index) from eventstore.domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status().position() >= head);

        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("EmbeddedEventStore"));
    }

    @Test
    void aFormSentTwiceReportsOneIncident() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/incidents/new").with(user(users.staff)).with(csrf())
                            .param("incidentId", id)
                            .param("teamId", users.team.value())
                            .param("occurredAt", "2026-01-10T10:00")
                            .param("setting", "OFFICE")
                            .param("kinds", "THREAT")
                            .param("severity", "MINOR")
                            .param("description", "Dubbel verstuurd")
                            .param("supportWanted", "true"))
                    .andExpect(redirectedUrl("/incidents/" + id + "/reported"));
        }
        assertThat(jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, id)).as("one report: the report and its three tasks").isEqualTo(4);
    }

    @Test
    void someoneElsesIncidentIdIsRefusedWithAConflict() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        String body = json(users.team.value()).replace("{\"teamId\"", "{\"incidentId\":\"" + id + "\",\"teamId\"");
        mvc.perform(post("/api/incidents").with(user(users.staff)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/incidents").with(user(users.staff)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.incidentId").value(id));
        var colleague = new nl.veiligwerken.platform.security.VwUser("other-" + users.team.value(), "X", "x@example.test",
                "{noop}x", true, java.util.Set.of(nl.veiligwerken.api.Role.STAFF), java.util.Set.of(users.team), java.util.Set.of());
        mvc.perform(post("/api/incidents").with(user(colleague)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());
    }

    @Test
    void aNullKindIsAFieldErrorNotAFailure() throws Exception {
        mvc.perform(post("/api/incidents").with(user(users.staff)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(users.team.value()).replace("[\"VERBAL_ABUSE\"]", "[null]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("kinds")));
    }

    private static String json(String teamId) {
        return """
                {"teamId":"%s","occurredAt":"2026-01-10T10:00","setting":"PHONE","kinds":["VERBAL_ABUSE"],
                 "severity":"MODERATE","description":"Schold mij uit aan de telefoon","supportWanted":false}""".formatted(teamId);
    }

    @Test
    void theApiAcceptsAReportWith201TheIdTheVersionAndWhereToReadIt() throws Exception {
        MvcResult result = mvc.perform(post("/api/incidents").with(user(users.staff))
                        .contentType(MediaType.APPLICATION_JSON).content(json(users.team.value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.incidentId").isString())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(header().string("Location", matchesPattern("http://localhost:8082/api/incidents/[0-9a-f-]{36}")))
                .andReturn();
        String id = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.incidentId");
        assertThat(result.getResponse().getHeader("Location")).endsWith(id);
        assertThat(jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, id)).as("the report, first support, aftercare talk, feedback").isEqualTo(4);
    }

    @Test
    void theApiNamesEachBadFieldAndStoresNothing() throws Exception {
        long before = storedEvents();
        mvc.perform(post("/api/incidents").with(user(users.staff)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\":\"\",\"kinds\":[],\"description\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("teamId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("occurredAt")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("setting")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kinds")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("severity")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("description")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("supportWanted")))
                .andExpect(jsonPath("$.errors[?(@.field=='kinds')].message", hasItem("Kies ten minste één soort agressie.")));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theApiNamesAFieldWhoseValueCannotBeRead() throws Exception {
        mvc.perform(post("/api/incidents").with(user(users.staff)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(users.team.value()).replace("\"MODERATE\"", "\"TERRIBLE\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("severity"));
    }

    @Test
    void theApiRefusesBrokenJsonWithAProblemNotAStackTrace() throws Exception {
        mvc.perform(post("/api/incidents").with(user(users.staff)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("De inhoud van het verzoek is geen geldige JSON."))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void theServiceDescribesItsJsonApiAsOpenApi() throws Exception {
        mvc.perform(get("/api/openapi").with(user(users.staff)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value(org.hamcrest.Matchers.startsWith("3.")))
                .andExpect(jsonPath("$.paths['/api/incidents'].post").exists())
                .andExpect(jsonPath("$.paths['/api/incidents/{incidentId}/first-support'].post").exists())
                .andExpect(jsonPath("$.paths['/api/incidents/{incidentId}/close'].post").exists())
                .andExpect(jsonPath("$.paths['/api/incidents/{incidentId}/aftercare'].post").exists())
                .andExpect(jsonPath("$.paths['/api/incidents/{incidentId}/aggressor-response'].post").exists())
                .andExpect(jsonPath("$.paths['/api/incidents/{incidentId}/actions'].post").exists())
                .andExpect(jsonPath("$.paths['/api/incidents/{incidentId}/actions/{actionId}/complete'].post").exists())
                .andExpect(jsonPath("$.paths['/api/incidents/{incidentId}/feedback'].post").exists())
                .andExpect(jsonPath("$.paths['/api/incidents/{incidentId}/analysis'].post").exists())
                .andExpect(jsonPath("$.paths['/api/incidents/{incidentId}/labour-inspectorate'].post").exists())
                .andExpect(jsonPath("$.paths['/api/protocol'].post").exists())
                .andExpect(jsonPath("$.paths['/api/protocol/versions/{version}'].get").exists())
                .andExpect(jsonPath("$.info.description").value(containsString("409")))
                .andExpect(jsonPath("$.paths['/incidents/new']").doesNotExist());
    }

    @Test
    void theApiRefusesAnonymousCallersWith401() throws Exception {
        mvc.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON).content(json(users.team.value())))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void reportsArePublishedToKafkaWithCloudEventsHeadersKeyedByIncident() throws Exception {
        MvcResult result = mvc.perform(post("/api/incidents").with(user(users.staff))
                        .contentType(MediaType.APPLICATION_JSON).content(json(users.team.value())))
                .andExpect(status().isCreated()).andReturn();
        String id = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.incidentId");

        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(kafka.getBrokersAsString())) {
            consumer.subscribe(List.of("incident-events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return mine.size() >= 4;
            });
        }
        assertThat(mine).extracting(r -> headerOf(r, "ce_type")).containsExactly(
                "nl.veiligwerken.incident.reported.v1", "nl.veiligwerken.incident.task-scheduled.v1",
                "nl.veiligwerken.incident.task-scheduled.v1", "nl.veiligwerken.incident.task-scheduled.v1");
        ConsumerRecord<String, String> task = mine.get(1);
        assertThat(headerOf(task, "ce_specversion")).isEqualTo("1.0");
        assertThat(headerOf(task, "ce_source")).isEqualTo("/veilig-werken/incident-command");
        assertThat(headerOf(task, "ce_subject")).isEqualTo(id);
        assertThat(Instant.parse(headerOf(task, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(headerOf(task, "ce_id")).isEqualTo(jdbc.queryForObject(
                "select event_identifier from eventstore.domain_event_entry where aggregate_identifier = ? and sequence_number = 1",
                String.class, id));
        assertThat(task.value()).contains("\"step\":\"FIRST_SUPPORT\"").contains("\"assigneeRole\":\"TEAM_LEADER\"")
                .contains("\"incidentId\":\"" + id + "\"").contains("\"dueAt\":\"");
        assertThat(mine.get(0).value()).doesNotContain("Schold mij uit");
    }

    /** The administrator holds the publisher (Kafka maintenance): events wait in the store and go out on resume. */
    @Test
    void aPausedPublisherHoldsEventsInTheStoreUntilResumed() throws Exception {
        var admin = new nl.veiligwerken.platform.security.VwUser("beheer", "Beheer", "b@x", "{noop}x", true,
                java.util.Set.of(nl.veiligwerken.api.Role.ADMIN), java.util.Set.of(), java.util.Set.of());
        mvc.perform(post("/api/admin/publisher/pause").with(user(users.leader))).andExpect(status().isForbidden());
        String paused = mvc.perform(post("/api/admin/publisher/pause").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("kafka-publisher"))
                .andExpect(jsonPath("$.running").value(false))
                .andReturn().getResponse().getContentAsString();
        long position = ((Number) com.jayway.jsonpath.JsonPath.read(paused, "$.position")).longValue();
        try {
            MvcResult result = mvc.perform(post("/api/incidents").with(user(users.staff))
                            .contentType(MediaType.APPLICATION_JSON).content(json(users.team.value())))
                    .andExpect(status().isCreated()).andReturn();
            String id = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.incidentId");
            mvc.perform(get("/api/admin/publisher").with(user(admin)))
                    .andExpect(jsonPath("$.running").value(false))
                    .andExpect(jsonPath("$.position").value(position));

            mvc.perform(post("/api/admin/publisher/resume").with(user(admin)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.running").value(true));
            List<ConsumerRecord<String, String>> mine = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = consumer(kafka.getBrokersAsString())) {
                consumer.subscribe(List.of("incident-events"));
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                        if (id.equals(r.key())) {
                            mine.add(r);
                        }
                    });
                    return !mine.isEmpty();
                });
            }
            assertThat(headerOf(mine.get(0), "ce_type")).isEqualTo("nl.veiligwerken.incident.reported.v1");
        } finally {
            mvc.perform(post("/api/admin/publisher/resume").with(user(admin)));
        }
    }

    /** Takes a step through the JSON API and answers the incident's version after it. */
    private long step(nl.veiligwerken.platform.security.VwUser person, String path, String json) throws Exception {
        String answer = mvc.perform(post(path).with(user(person)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) com.jayway.jsonpath.JsonPath.read(answer, "$.version")).longValue();
    }

    @Test
    void anIncidentsStepsArePublishedForTheNotifierWithoutWhatWasSaid() throws Exception {
        for (var person : List.of(users.peerSupporter, users.colleague)) {
            directory.saveAccount(person.getUsername(), person.displayName(), person.email(), "{noop}x",
                    person.roles(), person.memberOf(), person.leads());
        }
        String feedbackMarker = UUID.randomUUID().toString();
        String feedbackText = "Terugkoppeling " + feedbackMarker + ": de cliënt kreeg een brief";
        String id = users.report(mvc, "Dreigde aan de balie");
        String api = "/api/incidents/" + id;
        String now = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Amsterdam"))
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();

        long version = step(users.leader, api + "/peer-supporter", """
                {"expectedVersion":3,"peerSupporter":"%s"}""".formatted(users.peerSupporter.getUsername()));
        version = step(users.leader, api + "/aftercare", """
                {"expectedVersion":%d,"heldAt":"%s","outcome":"HELD","needsMoreHelp":true,
                 "referrals":["PSYCHOLOGIST"]}""".formatted(version, now));
        version = step(users.leader, api + "/feedback", """
                {"expectedVersion":%d,"message":"%s"}""".formatted(version, feedbackText));
        // due now: its persistent deadline fires at the scheduler's next look and the action falls overdue
        step(users.leader, api + "/actions", """
                {"expectedVersion":%d,"actionId":"%s","kind":"AGGRESSOR_LETTER","description":"Brief aan de cliënt",
                 "owner":"%s","dueAt":"%s"}""".formatted(version, UUID.randomUUID(), users.colleague.getUsername(), now));

        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(kafka.getBrokersAsString())) {
            consumer.subscribe(List.of("incident-events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    all.add(r);
                    if (r.value().contains(id)) {
                        mine.add(r);
                    }
                });
                return mine.stream().anyMatch(r -> "nl.veiligwerken.incident.task-overdue.v1".equals(headerOf(r, "ce_type")));
            });
        }

        assertThat(mine).extracting(r -> headerOf(r, "ce_type")).containsSubsequence(
                "nl.veiligwerken.incident.reported.v1",
                "nl.veiligwerken.incident.peer-supporter-assigned.v1",
                "nl.veiligwerken.incident.aftercare-talk-recorded.v1", "nl.veiligwerken.incident.task-completed.v1",
                "nl.veiligwerken.incident.feedback-given.v1", "nl.veiligwerken.incident.task-completed.v1",
                "nl.veiligwerken.incident.task-scheduled.v1", "nl.veiligwerken.incident.task-overdue.v1");
        Map<String, String> storedTypeById = new java.util.HashMap<>();
        jdbc.query("select event_identifier, payload_type from eventstore.domain_event_entry where aggregate_identifier = ?",
                rs -> {
                    storedTypeById.put(rs.getString(1), rs.getString(2));
                }, id);
        Map<String, String> storedTypeOf = Map.of(
                "reported", "reporting.IncidentReportedEvent", "task-scheduled", "protocol.TaskScheduledEvent",
                "task-completed", "protocol.TaskCompletedEvent", "task-overdue", "protocol.TaskOverdueEvent",
                "peer-supporter-assigned", "firstsupport.PeerSupporterAssignedEvent",
                "aftercare-talk-recorded", "aftercare.AftercareTalkRecordedEvent",
                "feedback-given", "feedback.FeedbackGivenEvent");
        assertThat(mine).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(id);
            assertThat(headerOf(r, "ce_subject")).isEqualTo(id);
            String type = headerOf(r, "ce_type").replaceAll("^nl\\.veiligwerken\\.incident\\.|\\.v1$", "");
            assertThat(storedTypeById.get(headerOf(r, "ce_id"))).as("ce_id names the stored event it comes from")
                    .isEqualTo("nl.veiligwerken.api." + storedTypeOf.get(type));
        });
        assertThat(mine).extracting(r -> headerOf(r, "ce_id")).doesNotHaveDuplicates();

        String assigned = valueOf(mine, "peer-supporter-assigned");
        assertThat(assigned).contains("\"peerSupporter\":\"" + users.peerSupporter.getUsername() + "\"",
                "\"teamId\":\"" + users.team.value() + "\"");
        String talk = valueOf(mine, "aftercare-talk-recorded");
        assertThat(talk).contains("\"step\":\"AFTERCARE_TALK\"", "\"needsMoreHelp\":true",
                "\"colleague\":\"" + users.staff.getUsername() + "\"", "\"teamId\":\"" + users.team.value() + "\"")
                .doesNotContain("PSYCHOLOGIST").doesNotContain("referrals");
        String feedback = valueOf(mine, "feedback-given");
        assertThat(feedback).contains("\"reporter\":\"" + users.staff.getUsername() + "\"",
                "\"givenBy\":\"" + users.leader.getUsername() + "\"", "\"teamId\":\"" + users.team.value() + "\"");
        assertThat(mine).filteredOn(r -> headerOf(r, "ce_type").endsWith("task-completed.v1"))
                .extracting(r -> (String) com.jayway.jsonpath.JsonPath.read(r.value(), "$.step"))
                .contains("AFTERCARE_TALK", "FEEDBACK");
        String overdue = valueOf(mine, "task-overdue");
        assertThat(overdue).contains("\"step\":\"FOLLOW_UP_ACTION\"", "\"assigneeRole\":null",
                "\"assignee\":\"" + users.colleague.getUsername() + "\"", "\"escalateTo\":\"TEAM_LEADER\"");

        assertThat(all).as("the feedback's words are nowhere on the topic")
                .noneMatch(r -> r.value().contains(feedbackMarker) || r.value().contains("de cliënt kreeg een brief"));
    }

    private static String valueOf(List<ConsumerRecord<String, String>> records, String type) {
        return records.stream().filter(r -> headerOf(r, "ce_type").equals("nl.veiligwerken.incident." + type + ".v1"))
                .findFirst().orElseThrow().value();
    }

    @Test
    void aSavedAccountIsPublishedOnTheTeamDirectoryTopicAsItsWholeStateAfterItsTeam() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TeamId team = new TeamId("directory-" + suffix);
        String username = "dirk-" + suffix;
        directory.saveTeam(team, "Team " + suffix);
        directory.saveAccount(username, "Dirk " + suffix, username + "@test.local", "{noop}secret",
                Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(team), Set.of(team));

        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(kafka.getBrokersAsString())) {
            consumer.subscribe(List.of(DirectoryEventType.TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals("team:" + team.value()) || r.key().equals("account:" + username)) {
                        mine.add(r);
                    }
                });
                return mine.size() >= 2;
            });
        }
        assertThat(mine).extracting(ConsumerRecord::key).containsExactly("team:" + team.value(), "account:" + username);
        ConsumerRecord<String, String> account = mine.get(1);
        assertThat(headerOf(account, "ce_type")).isEqualTo("nl.veiligwerken.directory.account-saved.v1");
        assertThat(headerOf(account, "ce_specversion")).isEqualTo("1.0");
        assertThat(headerOf(account, "ce_source")).isEqualTo("/veilig-werken/team-directory");
        assertThat(headerOf(account, "ce_subject")).isEqualTo("account:" + username);
        assertThat(headerOf(account, "content-type")).isEqualTo("application/json");
        long sequence = Long.parseLong(headerOf(account, "ce_sequence"));
        assertThat(sequence).isGreaterThan(Long.parseLong(headerOf(mine.get(0), "ce_sequence")));
        assertThat(headerOf(account, "ce_id")).isEqualTo("team-directory-" + sequence);
        assertThat(Instant.parse(headerOf(account, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(JsonMapper.builder().build().readValue(account.value(), AccountSaved.class)).isEqualTo(new AccountSaved(
                username, "Dirk " + suffix, username + "@test.local", "nl", true,
                Set.of(Role.STAFF, Role.TEAM_LEADER), Set.of(team), Set.of(team)));
        assertThat(account.value()).doesNotContain("secret");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from identity.directory_outbox where id = ? and published_at is not null", Long.class, sequence) == 1);
    }

    static KafkaConsumer<String, String> consumer(String brokers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(props);
    }

    static String headerOf(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
