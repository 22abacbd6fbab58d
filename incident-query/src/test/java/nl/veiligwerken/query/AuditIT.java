package nl.veiligwerken.query;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import nl.veiligwerken.query.queries.Quarter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Audit through HTTP with real sign-in: reading an incident's page and exporting a review each add exactly one row
 * naming who, what and when; a refused or unknown read adds none; the log is the prevention officer's to read.
 * Same set-up as {@link QueryServiceIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// closed after this class, like every IT of this module (see QueryServiceIT)
@DirtiesContext
class AuditIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = "geheim-" + RUN;
    private static final TeamId TEAM = new TeamId("ait-noord-" + RUN);
    private static final String LEADER = "ait-leader-" + RUN;
    private static final String OUTSIDER = "ait-outsider-" + RUN;
    private static final String OFFICER = "ait-officer-" + RUN;
    private static final String MANAGER = "ait-manager-" + RUN;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IncidentId incident = IncidentId.random();

    @LocalServerPort
    int port;
    @Autowired
    AccountDirectory directory;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;


    @BeforeAll
    void anIncidentAndItsReaders() {
        directory.saveTeam(TEAM, "Team Noord " + RUN);
        String hash = passwordEncoder.encode(PASSWORD);
        directory.saveAccount(LEADER, "Lea Leider", LEADER + "@test.local", hash,
                Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(TEAM), Set.of(TEAM));
        directory.saveAccount(OUTSIDER, "Olga Anders", OUTSIDER + "@test.local", hash,
                Set.of(Role.STAFF), Set.of(), Set.of());
        directory.saveAccount(OFFICER, "Pim Preventie", OFFICER + "@test.local", hash,
                Set.of(Role.PREVENTION_OFFICER, Role.STAFF), Set.of(), Set.of());
        directory.saveAccount(MANAGER, "Mia Directie", MANAGER + "@test.local", hash,
                Set.of(Role.MANAGEMENT, Role.STAFF), Set.of(), Set.of());
        Instant reportedAt = Instant.now().minus(Duration.ofHours(1));
        eventStore.publish(new GenericDomainEventMessage<>("Incident", incident.value(), 0,
                new IncidentReportedEvent(incident, TEAM, LEADER, reportedAt, reportedAt.minus(Duration.ofHours(1)),
                        Setting.OFFICE, Set.of(AggressionKind.THREAT), Severity.MODERATE, "Dreigde bij de balie.",
                        false, null, null, null, null, false, 0)));
        // projected: read from the view's table, which records nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from query.incident_view where incident_id = ?").param(incident.value())
                .query(Long.class).single() == 1);
    }

    @Test
    void readingAnIncidentPageAddsOneRowNamingWhoWhatAndWhen() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        long rowsBefore = rowsOf(LEADER);
        HttpResponse<String> page = page(signIn(LEADER), "/incidents/" + incident.value() + "?seen=x");
        assertThat(page.statusCode()).isEqualTo(200);

        assertThat(rowsOf(LEADER)).isEqualTo(rowsBefore + 1);
        Map<String, Object> row = jdbc.sql("select * from audit.audit_log where incident_id = ? and username = ?")
                .param(incident.value()).param(LEADER).query().singleRow();
        assertThat(row.get("roles")).isEqualTo("STAFF,TEAM_LEADER");
        assertThat(row.get("action")).isEqualTo("INCIDENT_READ");
        assertThat(row.get("service")).isEqualTo("incident-query");
        assertThat(row.get("path")).as("without the query string").isEqualTo("/incidents/" + incident.value());
        assertThat(((java.sql.Timestamp) row.get("at")).toInstant()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(row.get("client_ip")).as("not recorded unless configured").isNull();
    }

    @Test
    void aRefusedOrUnknownReadAddsNoRow() throws Exception {
        assertThat(api("/api/incidents/" + incident.value(), OUTSIDER).statusCode()).isEqualTo(403);
        assertThat(page(signIn(OUTSIDER), "/incidents/" + incident.value()).statusCode()).isEqualTo(403);
        assertThat(api("/api/incidents/" + IncidentId.random().value(), OUTSIDER).statusCode()).isEqualTo(404);
        assertThat(rowsOf(OUTSIDER)).isZero();
    }

    @Test
    void exportingTheQuarterlyReviewAddsOneRowNamingTheTeamAndQuarter() throws Exception {
        Quarter quarter = Quarter.of(LocalDate.now(ZoneId.of("Europe/Amsterdam")));
        long before = rowsOf(LEADER);
        HttpResponse<String> csv = page(signIn(LEADER), "/reviews/quarterly.csv?team=" + TEAM.value()
                + "&quarter=" + quarter);
        assertThat(csv.statusCode()).isEqualTo(200);

        assertThat(rowsOf(LEADER)).isEqualTo(before + 1);
        Map<String, Object> row = jdbc.sql("select * from audit.audit_log where username = ? and action = 'EXPORT_CSV'")
                .param(LEADER).query().singleRow();
        assertThat(row.get("subject")).isEqualTo("team=" + TEAM.value() + " quarter=" + quarter);
        assertThat(row.get("path")).isEqualTo("/reviews/quarterly.csv");
        assertThat(row.get("incident_id")).isNull();
    }

    @Test
    void theLogIsThePreventionOfficersOnly() throws Exception {
        assertThat(api("/api/incidents/" + incident.value() + "/timeline", OFFICER).statusCode()).isEqualTo(200);

        HttpResponse<String> page = page(signIn(OFFICER), "/audit?incident=" + incident.value());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Inzagelogboek", OFFICER, "Verloop van een melding ingezien");
        JsonNode found = JSON.readTree(api("/api/audit?user=" + OFFICER, OFFICER).body());
        assertThat(found.get("entries").size()).isEqualTo(1);
        assertThat(found.get("entries").get(0).get("action").asString()).isEqualTo("TIMELINE_READ");
        assertThat(found.get("entries").get(0).get("incidentId").asString()).isEqualTo(incident.value());

        HttpResponse<String> wrongDay = api("/api/audit?from=gisteren", OFFICER);
        assertThat(wrongDay.statusCode()).isEqualTo(400);
        assertThat(wrongDay.body()).contains("\"field\":\"from\"");
        HttpResponse<String> wrongDayPage = page(signIn(OFFICER), "/audit?from=gisteren");
        assertThat(wrongDayPage.statusCode()).isEqualTo(200);
        assertThat(wrongDayPage.body()).contains("Vul een dag in als 2026-03-31.", "aria-describedby=\"from-error\"");

        for (String other : new String[] {MANAGER, LEADER, OUTSIDER}) {
            assertThat(api("/api/audit", other).statusCode()).as(other).isEqualTo(403);
            assertThat(page(signIn(other), "/audit").statusCode()).as(other).isEqualTo(403);
        }
    }

    private long rowsOf(String username) {
        return jdbc.sql("select count(*) from audit.audit_log where username = ?").param(username)
                .query(Long.class).single();
    }

    private HttpResponse<String> api(String path, String username) throws IOException, InterruptedException {
        return service().api(path, username);
    }

    private HttpClient signIn(String username) throws IOException, InterruptedException {
        return service().signIn(username);
    }

    private HttpResponse<String> page(HttpClient browser, String path) throws IOException, InterruptedException {
        return service().page(browser, path);
    }

    private ServiceHttp service() {
        return new ServiceHttp(port, PASSWORD);
    }


}
