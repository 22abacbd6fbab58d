package nl.veiligwerken.command;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import nl.veiligwerken.platform.test.OwnTestDatabase;
import nl.veiligwerken.platform.security.AccountDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo profile creates the demo accounts, says so on the login page, and they can sign in. */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "veilig-werken.demo.history-incidents=40"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = "incident-events")
@ContextConfiguration(initializers = DemoAccountsIT.OwnDatabase.class)
@DirtiesContext
@ActiveProfiles("demo")
class DemoAccountsIT {

    /** A new installation: only then does the demo generate its year of history. */
    static class OwnDatabase extends OwnTestDatabase {

        @Override
        protected String name() {
            return "demo_accounts_it";
        }
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedKafkaBroker kafka;

    /** The recent incidents' fixed ids (see RecentIncidents): the only ones the demo publishes. */
    private static final java.util.Set<String> RECENT = java.util.stream.IntStream.rangeClosed(1, 5)
            .mapToObj(i -> new java.util.UUID(0x7e57_2026_1201_0000L + i, 0).toString())
            .collect(java.util.stream.Collectors.toSet());

    @Test
    void aNewDemoInstallationHasAYearOfHistoryNotPublishedAndAFewRecentIncidentsThatAre() {
        assertThat(jdbc.sql("select count(*) from command.incident_lookup where team_id in ('ambulant-noord', 'woongroep-zuid')")
                .query(Long.class).single()).isEqualTo(40 + RECENT.size());
        assertThat(jdbc.sql("select min(convert_from(payload, 'UTF8')::jsonb ->> 'reportedAt') from eventstore.domain_event_entry"
                        + " where payload_type like '%IncidentReportedEvent'").query(String.class).single())
                .as("reports from months ago").isLessThan(java.time.Instant.now().minus(java.time.Duration.ofDays(60)).toString());
        long head = jdbc.sql("select max(global_index) from eventstore.domain_event_entry").query(Long.class).single();
        // once the publisher has passed every generated event, the topic holds the recent incidents and nothing else
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from command.token_entry where processor_name = 'kafka-publisher' and token is not null"
                        + " and convert_from(token, 'UTF8') like '%index%'").query(Long.class).single() > 0
                && publisherPosition() >= head);
        java.util.Map<String, java.util.List<String>> typesByIncident = new java.util.HashMap<>();
        try (var consumer = CommandServiceIT.consumer(kafka.getBrokersAsString())) {
            consumer.subscribe(java.util.List.of("incident-events"));
            // read until every recent incident was seen, then a while longer for anything that should not be there
            long quietUntil = Long.MAX_VALUE;
            long giveUpAt = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < Math.min(quietUntil, giveUpAt)) {
                consumer.poll(java.time.Duration.ofMillis(300)).forEach(record -> typesByIncident
                        .computeIfAbsent(record.key(), key -> new java.util.ArrayList<>())
                        .add(CommandServiceIT.headerOf(record, "ce_type")));
                if (quietUntil == Long.MAX_VALUE && typesByIncident.keySet().containsAll(RECENT)) {
                    quietUntil = System.currentTimeMillis() + 2_000;
                }
            }
        }
        assertThat(typesByIncident.keySet()).as("incidents on incident-events").isEqualTo(RECENT);
        assertThat(typesByIncident.values()).allSatisfy(types ->
                assertThat(types).contains("nl.veiligwerken.incident.reported.v1", "nl.veiligwerken.incident.task-scheduled.v1"));
        assertThat(typesByIncident.values().stream().flatMap(java.util.List::stream))
                .contains("nl.veiligwerken.incident.peer-supporter-assigned.v1", "nl.veiligwerken.incident.feedback-given.v1",
                        "nl.veiligwerken.incident.aftercare-talk-recorded.v1");
    }

    @Test
    void everyOpenTaskOfTheDemoEitherFellOverdueOrHasItsDeadlineAndEveryClosedIncidentItsErasure() {
        // a task scheduled and not ended must have a deadline ahead; one whose due time passed has its overdue event
        String open = """
                select s.payload_type, convert_from(s.payload, 'UTF8')::jsonb as task
                  from eventstore.domain_event_entry s
                 where s.payload_type like '%TaskScheduledEvent'
                   and not exists (select 1 from eventstore.domain_event_entry e
                                    where e.aggregate_identifier = s.aggregate_identifier
                                      and e.payload_type ~ 'Task(Completed|Withdrawn|Overdue)Event'
                                      and convert_from(e.payload, 'UTF8')::jsonb ->> 'taskId' = convert_from(s.payload, 'UTF8')::jsonb ->> 'taskId')""";
        long openTasks = jdbc.sql("select count(*) from (" + open + ") t").query(Long.class).single();
        long openPastDue = jdbc.sql("select count(*) from (" + open + ") t where (task ->> 'dueAt')::timestamptz < now()")
                .query(Long.class).single();
        long deadlines = jdbc.sql("select count(*) from command.scheduled_tasks").query(Long.class).single();
        assertThat(openTasks).as("open tasks in the demo").isGreaterThan(RECENT.size());
        assertThat(openPastDue).as("open tasks past their due time without an overdue event").isZero();
        // the demo history never reopens: every closing closes for good, and its erasure is scheduled
        long closed = jdbc.sql("select count(*) from eventstore.domain_event_entry where payload_type like '%IncidentClosedEvent'")
                .query(Long.class).single();
        assertThat(closed).as("closed incidents in the demo").isPositive();
        assertThat(deadlines).as("deadlines scheduled: the open tasks' and the closed incidents' erasure").isEqualTo(openTasks + closed);
    }

    @Test
    void aRecentIncidentTakesTheNextStepLikeAnyOther() throws Exception {
        // the incident whose first support is nearly due: the aggregate loads from the written events and takes it on time
        String incident = new java.util.UUID(0x7e57_2026_1201_0000L + 2, 0).toString();
        mvc.perform(post("/api/incidents/{id}/first-support", incident)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("mark", "demo"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"expectedVersion\": " + (jdbc.sql("select max(sequence_number) from eventstore.domain_event_entry"
                                + " where aggregate_identifier = ?").param(incident).query(Long.class).single())
                                + ", \"offeredAt\": \"" + java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Amsterdam"))
                                .withNano(0).minusMinutes(1) + "\", \"response\": \"ACCEPTED\"}"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select convert_from(payload, 'UTF8')::jsonb ->> 'late' from eventstore.domain_event_entry"
                        + " where aggregate_identifier = ? and payload_type like '%TaskCompletedEvent'").param(incident)
                .query(String.class).list()).containsExactly("false");
    }

    private long publisherPosition() {
        String token = jdbc.sql("select convert_from(token, 'UTF8') from command.token_entry where processor_name = 'kafka-publisher'"
                + " and token is not null").query(String.class).optional().orElse("");
        java.util.regex.Matcher index = java.util.regex.Pattern.compile("\"index\"\\s*:\\s*(\\d+)").matcher(token);
        return index.find() ? Long.parseLong(index.group(1)) : -1;
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountDirectory directory;

    /** Every service saves the demo accounts again on each start: only the first time is a change to publish. */
    @Test
    void theDemoDirectoryIsPublishedOnTeamDirectoryOnceAndSeedingItAgainAddsNothing() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        try (var consumer = CommandServiceIT.consumer(kafka.getBrokersAsString())) {
            consumer.subscribe(java.util.List.of("team-directory"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return keys.containsAll(java.util.List.of("team:ambulant-noord", "team:woongroep-zuid", "account:mark",
                        "account:sanne", "account:pim"));
            });
        }
        long rows = jdbc.sql("select count(*) from identity.directory_outbox").query(Long.class).single();

        new nl.veiligwerken.platform.security.DemoAccounts(directory).afterSingletonsInstantiated();

        assertThat(jdbc.sql("select count(*) from identity.directory_outbox").query(Long.class).single()).isEqualTo(rows);
    }

    @Test
    void theLoginPageSaysTheseAreDemoAccounts() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dit is een demo-omgeving")))
                .andExpect(content().string(containsString("sanne")))
                .andExpect(content().string(containsString("teamleider")));
    }

    @Test
    void aDemoTeamLeaderLeadsTheirTeamAndCanSignIn() throws Exception {
        assertThat(directory.find("mark")).hasValueSatisfying(mark ->
                assertThat(mark.leads(new nl.veiligwerken.api.TeamId("ambulant-noord"))).isTrue());
        mvc.perform(post("/login").with(csrf()).param("username", "mark").param("password", "demo"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").with(csrf()).param("username", "mark").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void theDemoPeerSupporterWorksInTeamNoordWithoutLeadingIt() throws Exception {
        nl.veiligwerken.api.TeamId noord = new nl.veiligwerken.api.TeamId("ambulant-noord");
        assertThat(directory.find("bram")).hasValueSatisfying(bram -> {
            assertThat(bram.displayName()).isEqualTo("Bram Visser");
            assertThat(bram.hasRole(nl.veiligwerken.api.Role.PEER_SUPPORTER)).isTrue();
            assertThat(bram.hasRole(nl.veiligwerken.api.Role.STAFF)).isTrue();
            assertThat(bram.hasRole(nl.veiligwerken.api.Role.TEAM_LEADER)).isFalse();
            assertThat(bram.memberOf()).containsExactly(noord);
            assertThat(bram.leads(noord)).isFalse();
        });
        assertThat(directory.membersWithRole(noord, nl.veiligwerken.api.Role.PEER_SUPPORTER))
                .extracting(AccountDirectory.Contact::username).containsExactly("bram");
        mvc.perform(get("/login"))
                .andExpect(content().string(containsString("Bram Visser")))
                .andExpect(content().string(containsString("opvangcollega")));
        mvc.perform(post("/login").with(csrf()).param("username", "bram").param("password", "demo"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theOrganisationWideDemoAccountsHaveTheirRoleAndNoTeam() throws Exception {
        assertThat(directory.find("pim")).hasValueSatisfying(pim -> {
            assertThat(pim.hasRole(nl.veiligwerken.api.Role.PREVENTION_OFFICER)).isTrue();
            assertThat(pim.memberOf()).isEmpty();
        });
        assertThat(directory.find("ad")).hasValueSatisfying(ad -> {
            assertThat(ad.hasRole(nl.veiligwerken.api.Role.ADMIN)).isTrue();
            assertThat(ad.memberOf()).isEmpty();
        });
        assertThat(directory.find("mila")).hasValueSatisfying(mila -> {
            assertThat(mila.hasRole(nl.veiligwerken.api.Role.MANAGEMENT)).isTrue();
            assertThat(mila.hasRole(nl.veiligwerken.api.Role.TEAM_LEADER)).isFalse();
        });
        mvc.perform(get("/login"))
                .andExpect(content().string(containsString("preventiemedewerker")))
                .andExpect(content().string(containsString("directie")));
        mvc.perform(post("/login").with(csrf()).param("username", "pim").param("password", "demo"))
                .andExpect(redirectedUrl("/"));
    }
}
