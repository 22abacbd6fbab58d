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

    @Test
    void aNewDemoInstallationHasAYearOfHistoryThatIsNotPublishedAsNews() {
        assertThat(jdbc.sql("select count(*) from command.incident_lookup where team_id in ('ambulant-noord', 'woongroep-zuid')")
                .query(Long.class).single()).isEqualTo(40);
        assertThat(jdbc.sql("select min(convert_from(payload, 'UTF8')::jsonb ->> 'reportedAt') from eventstore.domain_event_entry"
                        + " where payload_type like '%IncidentReportedEvent'").query(String.class).single())
                .as("reports from months ago").isLessThan(java.time.Instant.now().minus(java.time.Duration.ofDays(60)).toString());
        long head = jdbc.sql("select max(global_index) from eventstore.domain_event_entry").query(Long.class).single();
        // once the publisher has passed every generated event, the topic still holds none of them
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from command.token_entry where processor_name = 'kafka-publisher' and token is not null"
                        + " and convert_from(token, 'UTF8') like '%index%'").query(Long.class).single() > 0
                && publisherPosition() >= head);
        try (var consumer = CommandServiceIT.consumer(kafka.getBrokersAsString())) {
            consumer.subscribe(java.util.List.of("incident-events"));
            int records = 0;
            for (int i = 0; i < 10; i++) {
                records += consumer.poll(java.time.Duration.ofMillis(300)).count();
            }
            assertThat(records).as("records on incident-events").isZero();
        }
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
