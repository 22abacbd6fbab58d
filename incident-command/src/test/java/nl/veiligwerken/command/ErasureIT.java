package nl.veiligwerken.command;

import com.jayway.jsonpath.JsonPath;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Erasure by crypto-shredding on the real event store. The service's clock runs five years (the default retention
 * term) and a few seconds behind the real one, so an incident closed now is due for erasure at once: the
 * persistent deadline fires at the scheduler's next look.
 */
@CommandServiceIntegrationTest
@TestPropertySource(properties = "veilig-werken.deadlines.polling-interval=200ms")
class ErasureIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @TestConfiguration
    static class FiveYearsBehind {
        @Bean
        Clock clock() {
            Instant now = Instant.now();
            Duration term = Duration.between(now.atZone(ZONE).minusYears(5).toInstant(), now);
            return Clock.offset(Clock.systemUTC(), term.plusSeconds(10).negated());
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountDirectory directory;
    @Autowired
    EventStore eventStore;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    Clock clock;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    /** Client references are stored in capitals. */
    private final String reference = "K-" + marker.toUpperCase(java.util.Locale.ROOT);

    private String at(Duration later) {
        return LocalDateTime.ofInstant(clock.instant().plus(later), ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private String send(VwUser person, String path, String json, ResultMatcher expected) throws Exception {
        return mvc.perform(post(path).with(user(person)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(expected).andReturn().getResponse().getContentAsString();
    }

    private long step(VwUser person, String path, String json) throws Exception {
        return ((Number) JsonPath.read(send(person, path, json, status().isOk()), "$.version")).longValue();
    }

    private long version(String api, VwUser person) throws Exception {
        return ((Number) JsonPath.read(mvc.perform(get(api + "/version").with(user(person)))
                .andReturn().getResponse().getContentAsString(), "$.version")).longValue();
    }

    /** Every personal field of the incident holds one of these; all the people's usernames are personal too. */
    private List<String> personal(CommandTestUsers users) {
        List<String> texts = new ArrayList<>(List.of("Omschrijving-" + marker, reference, "Aangepast-" + marker,
                "Reden-" + marker, "Toelichting-" + marker, "Actie-" + marker, "Resultaat-" + marker,
                "Terugkoppeling-" + marker, "Oorzaak-" + marker, "Risico-" + marker, "Maatregel-klaar-" + marker));
        for (VwUser person : List.of(users.staff, users.colleague, users.leader, users.peerSupporter,
                users.preventionOfficer)) {
            texts.add(person.getUsername());
        }
        return texts;
    }

    private List<String> rawRows(String incidentId) {
        return jdbc.queryForList("""
                select convert_from(payload, 'UTF8') || ' ' || coalesce(convert_from(meta_data, 'UTF8'), '')
                  from eventstore.domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                String.class, incidentId);
    }

    private long keyRows(String incidentId) {
        return jdbc.queryForObject("select count(*) from keyring.incident_key where incident_id = ?", Long.class,
                incidentId);
    }

    private String report(CommandTestUsers users, String description, String reference) throws Exception {
        return JsonPath.read(send(users.staff, "/api/incidents", """
                {"teamId":"%s","occurredAt":"%s","setting":"OFFICE","kinds":["THREAT"],"severity":"MINOR",
                 "description":"%s","aggressor":"CLIENT","clientReference":"%s","supportWanted":true,
                 "reportedFor":"%s"}""".formatted(users.team.value(), at(Duration.ofHours(-2)), description, reference,
                users.colleague.getUsername()), status().isCreated()), "$.incidentId");
    }

    @Test
    void afterTheRetentionTermThePersonalDataIsUnreadableInTheEventStoreAndTheFiguresRemain() throws Exception {
        CommandTestUsers users = new CommandTestUsers(directory);
        for (VwUser person : List.of(users.staff, users.colleague, users.leader, users.peerSupporter)) {
            directory.saveAccount(person.getUsername(), person.displayName(), person.email(), "{noop}x",
                    person.roles(), person.memberOf(), person.leads());
        }
        VwUser leader = users.leader;
        String id = report(users, "Omschrijving-" + marker, reference);
        String api = "/api/incidents/" + id;

        long version = step(users.staff, api + "/amend", """
                {"expectedVersion":%d,"reason":"Reden-%s","report":{"occurredAt":"%s","setting":"OFFICE",
                 "kinds":["THREAT"],"severity":"MINOR","aggressor":"CLIENT","clientReference":"%s",
                 "description":"Aangepast-%s"}}""".formatted(version(api, users.staff), marker, at(Duration.ofHours(-2)),
                reference, marker));
        version = step(leader, api + "/peer-supporter", """
                {"expectedVersion":%d,"peerSupporter":"%s"}""".formatted(version, users.peerSupporter.getUsername()));
        version = step(users.peerSupporter, api + "/first-support", """
                {"expectedVersion":%d,"offeredAt":"%s","response":"ACCEPTED"}""".formatted(version, at(Duration.ZERO)));
        version = step(leader, api + "/aftercare", """
                {"expectedVersion":%d,"heldAt":"%s","outcome":"HELD","needsMoreHelp":false}"""
                .formatted(version, at(Duration.ZERO)));
        version = step(leader, api + "/aggressor-response", """
                {"expectedVersion":%d,"responses":["LETTER"],"explanation":"Toelichting-%s","respondedAt":"%s"}"""
                .formatted(version, marker, at(Duration.ZERO)));
        String action = UUID.randomUUID().toString();
        version = step(leader, api + "/actions", """
                {"expectedVersion":%d,"actionId":"%s","kind":"OTHER","description":"Actie-%s","owner":"%s","dueAt":"%s"}"""
                .formatted(version, action, marker, users.colleague.getUsername(), at(Duration.ofDays(7))));
        version = step(users.colleague, api + "/actions/" + action + "/complete", """
                {"expectedVersion":%d,"result":"Resultaat-%s","completedAt":"%s"}""".formatted(version, marker,
                at(Duration.ZERO)));
        version = step(leader, api + "/feedback", """
                {"expectedVersion":%d,"message":"Terugkoppeling-%s"}""".formatted(version, marker));
        String measure = UUID.randomUUID().toString();
        version = step(users.preventionOfficer, api + "/analysis", """
                {"expectedVersion":%d,"causes":"Oorzaak-%s","riskFactors":"Risico-%s",
                 "learningPoints":[{"level":"TEAM","skill":"DE_ESCALATION","text":"Leerpunt-%s"}],
                 "measures":[{"actionId":"%s","description":"Maatregel-%s","owner":"%s","dueAt":"%s"}]}"""
                .formatted(version, marker, marker, marker, measure, marker, leader.getUsername(), at(Duration.ofDays(30))));
        version = step(leader, api + "/actions/" + measure + "/complete", """
                {"expectedVersion":%d,"result":"Maatregel-klaar-%s","completedAt":"%s"}""".formatted(version, marker,
                at(Duration.ZERO)));

        // an incident of another team, not closed: it keeps everything
        CommandTestUsers others = new CommandTestUsers(directory);
        directory.saveAccount(others.colleague.getUsername(), "X", "x@example.test", "{noop}x", others.colleague.roles(),
                others.colleague.memberOf(), others.colleague.leads());
        String kept = report(others, "Blijft-" + marker, "B-123");

        List<String> personal = personal(users);
        // (a) encrypted at rest while the key exists: in the table nothing personal is legible, to the services all is
        assertThat(keyRows(id)).isEqualTo(1);
        assertThat(String.join("\n", rawRows(id))).as("payloads and metadata in the table")
                .doesNotContain(personal)
                .contains("\"teamId\":\"" + users.team.value() + "\"", "\"severity\":\"MINOR\"", "Leerpunt-" + marker,
                        "Maatregel-" + marker);
        StoredEvents stored = new StoredEvents(eventStore, jsonMapper);
        assertThat(String.join("\n", stored.typedJson(id))).as("read through the event store").contains(personal);

        step(leader, api + "/close", "{\"expectedVersion\":" + version + "}");

        // (b) the term has run out at once: the erasure fires from the persistent schedule
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from eventstore.domain_event_entry where aggregate_identifier = ? and payload_type = ?",
                Long.class, id, PersonalDataErasedEvent.class.getName()) == 1);
        assertThat(keyRows(id)).as("the key is gone").isZero();
        assertThat(String.join("\n", rawRows(id))).doesNotContain(personal);

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id, 0L).asStream().toList();
        IncidentReportedEvent reported = (IncidentReportedEvent) events.get(0).getPayload();
        assertThat(reported.description()).isNull();
        assertThat(reported.clientReference()).isNull();
        assertThat(reported.reportedBy()).isNull();
        assertThat(reported.reportedFor()).isNull();
        assertThat(reported.teamId()).isEqualTo(users.team);
        assertThat(reported.severity().name()).isEqualTo("MINOR");
        assertThat(reported.kinds()).extracting(Enum::name).containsExactly("THREAT");
        assertThat(reported.aggressor().name()).isEqualTo("CLIENT");
        assertThat(reported.occurredAt()).isNotNull();
        assertThat(reported.reportedAt()).isNotNull();
        PersonalDataErasedEvent erased = (PersonalDataErasedEvent) events.get(events.size() - 1).getPayload();
        assertThat(erased.teamId()).isEqualTo(users.team);
        String afterErasure = String.join("\n", stored.typedJson(id));
        assertThat(afterErasure).as("every event still loads, without anything personal")
                .doesNotContain(personal)
                .contains("\"step\":\"FEEDBACK\"", "\"late\":", "Leerpunt-" + marker, "Maatregel-" + marker,
                        "PREVENTIVE_MEASURE", "\"responses\":[\"LETTER\"]");
        assertThat(jdbc.queryForMap("select reported_by, content from command.incident_lookup where incident_id = ?", id))
                .as("the command side's own lookup forgets them too")
                .containsEntry("reported_by", null).containsEntry("content", null);

        send(leader, api + "/reopen", "{\"expectedVersion\":" + version(api, leader) + ",\"reason\":\"Opnieuw\"}",
                status().is4xxClientError());
        mvc.perform(post(api + "/reopen").with(user(leader)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedVersion\":" + version(api, leader) + ",\"reason\":\"Opnieuw\"}"))
                .andExpect(jsonPath("$.detail").value(containsString("persoonsgegevens zijn gewist")));
        mvc.perform(post(api + "/feedback").with(user(leader)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedVersion\":" + version(api, leader) + ",\"message\":\"Nog iets\"}"))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.detail").value(containsString("persoonsgegevens zijn gewist")));

        // (c) the other team's incident is untouched
        assertThat(keyRows(kept)).isEqualTo(1);
        assertThat(String.join("\n", stored.typedJson(kept)))
                .contains("Blijft-" + marker, "B-123", others.staff.getUsername(), others.colleague.getUsername());

        // and the erasure is published, so whoever holds a copy drops it
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = CommandServiceIT.consumer(kafka.getBrokersAsString())) {
            consumer.subscribe(List.of("incident-events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return mine.stream().anyMatch(r -> CommandServiceIT.headerOf(r, "ce_type").endsWith("personal-data-erased.v1"));
            });
        }
        ConsumerRecord<String, String> published = mine.stream()
                .filter(r -> CommandServiceIT.headerOf(r, "ce_type").equals("nl.veiligwerken.incident.personal-data-erased.v1"))
                .findFirst().orElseThrow();
        assertThat(published.value()).contains("\"incidentId\":\"" + id + "\"", "\"teamId\":\"" + users.team.value() + "\"",
                "\"erasedAt\":\"");
        assertThat(mine).as("what was published before the erasure was read before it: nothing personal was lost on the way")
                .isNotEmpty();
    }
}
