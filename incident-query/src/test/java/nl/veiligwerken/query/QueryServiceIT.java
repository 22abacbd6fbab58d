package nl.veiligwerken.query;

import java.util.stream.Stream;
import java.time.ZoneId;
import java.time.LocalDate;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.aftercare.Referral;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportResponse;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as it runs: events appended to the real event store as the command side does, the pooled
 * processors projecting them, and the pages and API read through HTTP with real sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// closed after this class, like every IT of this module: Spring pauses a cached context while another runs,
// and Axon's pooled processors cannot start again, so no context may be taken up again after another ran
@DirtiesContext
class QueryServiceIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = "geheim-" + RUN;
    private static final TeamId TEAM = new TeamId("qit-noord-" + RUN);
    private static final TeamId OTHER_TEAM = new TeamId("qit-zuid-" + RUN);
    private static final String LEADER = "qit-leader-" + RUN;
    private static final String REPORTER = "qit-reporter-" + RUN;
    private static final String OUTSIDER = "qit-outsider-" + RUN;
    private static final String OTHER_LEADER = "qit-otherleader-" + RUN;
    private static final Duration PROJECTED = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IncidentId overdueIncident = IncidentId.random();
    private final IncidentId laterIncident = IncidentId.random();
    private final TaskId overdueTask = new TaskId("task-" + UUID.randomUUID());
    private final TaskId laterTask = new TaskId("task-" + UUID.randomUUID());
    private final IncidentId amendedIncident = IncidentId.random();
    private final ActionId action = ActionId.random();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final IncidentId followedIncident = IncidentId.random();

    @LocalServerPort
    int port;
    @Autowired
    AccountDirectory directory;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;


    @BeforeAll
    void teamsAccountsAndEvents() {
        directory.saveTeam(TEAM, "Team Noord " + RUN);
        directory.saveTeam(OTHER_TEAM, "Team Zuid " + RUN);
        String hash = passwordEncoder.encode(PASSWORD);
        directory.saveAccount(LEADER, "Lea Leider", LEADER + "@test.local", hash,
                Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(TEAM), Set.of(TEAM));
        directory.saveAccount(REPORTER, "Ruud Melder", REPORTER + "@test.local", hash,
                Set.of(Role.STAFF), Set.of(TEAM), Set.of());
        directory.saveAccount(OUTSIDER, "Olga Anders", OUTSIDER + "@test.local", hash,
                Set.of(Role.STAFF), Set.of(OTHER_TEAM), Set.of());
        directory.saveAccount(OTHER_LEADER, "Otto Leider", OTHER_LEADER + "@test.local", hash,
                Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(OTHER_TEAM), Set.of(OTHER_TEAM));

        report(overdueIncident, now.minus(Duration.ofHours(30)), overdueTask, now.minus(Duration.ofHours(6)));
        report(laterIncident, now.minus(Duration.ofHours(1)), laterTask, now.plus(Duration.ofHours(23)));
        reportAmendAndPlanAnAction(now.minus(Duration.ofHours(2)));
        reportSupportGiveFeedbackCloseAndReopen(now.minus(Duration.ofMinutes(10)));
    }

    /** The newest report: support, an aftercare talk that found a need for help, feedback, closed and reopened. */
    private void reportSupportGiveFeedbackCloseAndReopen(Instant reportedAt) {
        String id = followedIncident.value();
        ReportContent content = new ReportContent(reportedAt.minus(Duration.ofHours(1)), Setting.PHONE,
                Set.of(AggressionKind.THREAT), Severity.MODERATE, "Dreigde aan de telefoon.", Aggressor.CLIENT, null,
                Set.of(), false);
        eventStore.publish(
                new GenericDomainEventMessage<>("Incident", id, 0, new IncidentReportedEvent(followedIncident, TEAM,
                        REPORTER, null, reportedAt, content, true, 1)),
                new GenericDomainEventMessage<>("Incident", id, 1, new FirstSupportOfferedEvent(followedIncident,
                        LEADER, reportedAt.plusSeconds(60), FirstSupportResponse.ACCEPTED, LEADER, reportedAt.plusSeconds(60))),
                new GenericDomainEventMessage<>("Incident", id, 2, new AftercareTalkRecordedEvent(followedIncident,
                        ProtocolStep.AFTERCARE_TALK, REPORTER, reportedAt.plusSeconds(120), AftercareOutcome.HELD, true,
                        Set.of(Referral.COMPANY_DOCTOR), LEADER, reportedAt.plusSeconds(120))),
                new GenericDomainEventMessage<>("Incident", id, 3, new FeedbackGivenEvent(followedIncident, REPORTER,
                        "De cli\u00ebnt krijgt een brief.", LEADER, reportedAt.plusSeconds(180))),
                new GenericDomainEventMessage<>("Incident", id, 4, new IncidentClosedEvent(followedIncident, LEADER,
                        reportedAt.plusSeconds(240))),
                new GenericDomainEventMessage<>("Incident", id, 5, new IncidentReopenedEvent(followedIncident,
                        "Opnieuw gebeld", LEADER, reportedAt.plusSeconds(300))));
    }

    /** What the command side appends for a new report: the report, then the first-support task. */
    private void report(IncidentId incident, Instant reportedAt, TaskId task, Instant dueAt) {
        IncidentReportedEvent reported = new IncidentReportedEvent(incident, TEAM, REPORTER, reportedAt,
                reportedAt.minus(Duration.ofHours(2)), Setting.CLIENT_HOME,
                Set.of(AggressionKind.THREAT, AggressionKind.VERBAL_ABUSE), Severity.SERIOUS,
                "Cli\u00ebnt dreigde bij het huisbezoek.", true, null, null, null, null, false, 0);
        TaskScheduledEvent scheduled = new TaskScheduledEvent(task, incident, TEAM, ProtocolStep.FIRST_SUPPORT,
                Role.TEAM_LEADER, reportedAt, dueAt, null);
        eventStore.publish(
                new GenericDomainEventMessage<>("Incident", incident.value(), 0, reported),
                new GenericDomainEventMessage<>("Incident", incident.value(), 1, scheduled));
    }

    /**
     * A report in full, for a colleague, then what the command side appends as the incident goes on: the feedback
     * task, an amendment of the report, and a follow-up action for the reporter, with its task.
     */
    private void reportAmendAndPlanAnAction(Instant reportedAt) {
        ReportContent content = new ReportContent(reportedAt.minus(Duration.ofHours(1)), Setting.OFFICE,
                Set.of(AggressionKind.INTIMIDATION), Severity.MODERATE, "Stond dreigend over het bureau gebogen.",
                Aggressor.CLIENT, "CL-" + RUN, Set.of(), false);
        ReportContent amended = new ReportContent(content.occurredAt(), Setting.OFFICE,
                Set.of(AggressionKind.INTIMIDATION, AggressionKind.PHYSICAL_VIOLENCE), Severity.SERIOUS,
                "Duwde tegen mijn schouder, ik ging naar de huisarts.", Aggressor.CLIENT_RELATIVE, "CL-" + RUN,
                Set.of(Injury.MEDICAL_TREATMENT), true);
        Instant amendedAt = reportedAt.plus(Duration.ofMinutes(30));
        String id = amendedIncident.value();
        eventStore.publish(
                new GenericDomainEventMessage<>("Incident", id, 0, new IncidentReportedEvent(amendedIncident, TEAM,
                        LEADER, REPORTER, reportedAt, content, true, 2)),
                new GenericDomainEventMessage<>("Incident", id, 1, new TaskScheduledEvent(new TaskId(id + ":feedback"),
                        amendedIncident, TEAM, ProtocolStep.FEEDBACK, Role.TEAM_LEADER, reportedAt,
                        reportedAt.plus(Duration.ofDays(9)), null)),
                new GenericDomainEventMessage<>("Incident", id, 2, new ReportAmendedEvent(amendedIncident, amended,
                        "Letsel en duwen vergeten", REPORTER, amendedAt)),
                new GenericDomainEventMessage<>("Incident", id, 3, new FollowUpActionPlannedEvent(amendedIncident,
                        action, FollowUpKind.OTHER, "Gesprek met de moeder plannen", REPORTER,
                        reportedAt.plus(Duration.ofDays(10)), false, LEADER, amendedAt)),
                new GenericDomainEventMessage<>("Incident", id, 4, new TaskScheduledEvent(
                        new TaskId(id + ":action-" + action.value()), amendedIncident, TEAM,
                        ProtocolStep.FOLLOW_UP_ACTION, null, amendedAt, reportedAt.plus(Duration.ofDays(10)), REPORTER)));
    }

    @Test
    @Order(1)
    void leaderGetsTheOpenTasksEarliestDueFirstWithOverdueJudgedNow() throws Exception {
        await().atMost(PROJECTED).untilAsserted(() -> {
            HttpResponse<String> response = api("/api/tasks?team=" + TEAM.value(), LEADER);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode tasks = JSON.readTree(response.body());
            assertThat(tasks.size()).isEqualTo(4);
            assertThat(tasks.get(0).get("taskId").asString()).isEqualTo(overdueTask.value());
            assertThat(tasks.get(0).get("incidentId").asString()).isEqualTo(overdueIncident.value());
            assertThat(tasks.get(0).get("teamId").asString()).isEqualTo(TEAM.value());
            assertThat(tasks.get(0).get("step").asString()).isEqualTo("FIRST_SUPPORT");
            assertThat(tasks.get(0).get("assigneeRole").asString()).isEqualTo("TEAM_LEADER");
            assertThat(tasks.get(0).get("overdue").asBoolean()).isTrue();
            assertThat(tasks.get(0).get("section").asString()).isEqualTo("OVERDUE");
            assertThat(tasks.get(1).get("taskId").asString()).isEqualTo(laterTask.value());
            assertThat(tasks.get(1).get("overdue").asBoolean()).isFalse();
            assertThat(tasks.get(1).get("section").asString()).isEqualTo("DUE_SOON");
            assertThat(tasks.get(2).get("step").asString()).isEqualTo("FEEDBACK");
            assertThat(tasks.get(2).get("section").asString()).isEqualTo("OPEN");
            assertThat(tasks.get(2).get("actionUrl").asString())
                    .isEqualTo("http://localhost:8081/incidents/" + amendedIncident.value() + "/feedback");
            assertThat(tasks.get(3).get("step").asString()).isEqualTo("FOLLOW_UP_ACTION");
            assertThat(tasks.get(3).get("assignee").asString()).isEqualTo(REPORTER);
            assertThat(tasks.get(3).get("assigneeRole").isNull()).isTrue();
            assertThat(tasks.get(3).get("description").asString()).isEqualTo("Gesprek met de moeder plannen");
            assertThat(tasks.get(3).get("actionUrl").asString()).isEqualTo("http://localhost:8081/incidents/"
                    + amendedIncident.value() + "/actions/" + action.value() + "/complete");
        });
    }

    @Test
    @Order(2)
    void taskPageShowsTheStepTheIncidentLinkAndTheOverdueDueSoonAndOpenParts() throws Exception {
        HttpClient browser = signIn(LEADER);
        await().atMost(PROJECTED).untilAsserted(() -> {
            HttpResponse<String> page = page(browser, "/tasks");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("Open taken van Team Noord " + RUN)
                    .contains("Collegiale eerste opvang aanbieden")
                    .contains("href=\"/incidents/" + overdueIncident.value() + "\"")
                    .contains("href=\"/incidents/" + laterIncident.value() + "\"")
                    .contains("class=\"responsive\"")
                    .contains("data-label=\"Uiterlijk\"")
                    .containsSubsequence("Te laat (1)", overdueIncident.value(), "Binnenkort (1)", laterIncident.value(),
                            "Open (2)", amendedIncident.value());
            assertThat(countOf(page.body(), "class=\"overdue\"")).isEqualTo(1);
        });
    }

    @Test
    @Order(3)
    void taskPageLinksEachTaskToItsFormAndNamesWhoAnActionIsFor() throws Exception {
        HttpClient browser = signIn(LEADER);
        String incidentPages = "http://localhost:8081/incidents/" + amendedIncident.value();
        await().atMost(PROJECTED).untilAsserted(() -> assertThat(page(browser, "/tasks").body())
                .contains("href=\"http://localhost:8081/incidents/" + overdueIncident.value() + "/first-support\">Opvang vastleggen</a>")
                .contains("href=\"" + incidentPages + "/feedback\">Terugkoppeling geven</a>")
                .contains("href=\"" + incidentPages + "/actions/" + action.value() + "/complete\">Actie afronden</a>")
                .contains("Vervolgactie uitvoeren", ">Gesprek met de moeder plannen<", ">Ruud Melder<", ">teamleider<"));
    }

    @Test
    @Order(4)
    void incidentIsShownToItsReporterAndItsTeamLeader() throws Exception {
        await().atMost(PROJECTED).untilAsserted(() -> {
            HttpResponse<String> response = api("/api/incidents/" + overdueIncident.value(), REPORTER);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode incident = JSON.readTree(response.body());
            assertThat(incident.get("incidentId").asString()).isEqualTo(overdueIncident.value());
            assertThat(incident.get("teamId").asString()).isEqualTo(TEAM.value());
            assertThat(incident.get("reportedBy").asString()).isEqualTo(REPORTER);
            assertThat(incident.get("severity").asString()).isEqualTo("SERIOUS");
            assertThat(incident.get("kinds").size()).isEqualTo(2);
            assertThat(incident.get("description").asString()).isEqualTo("Cli\u00ebnt dreigde bij het huisbezoek.");
            // the report (0) and its scheduled task (1): the version the command service answered with
            assertThat(incident.get("version").asLong()).isEqualTo(1);
        });
        assertThat(api("/api/incidents/" + overdueIncident.value(), LEADER).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void incidentViewHasTheWholeReportAsAmendedAndTheLastVersion() throws Exception {
        await().atMost(PROJECTED).untilAsserted(() -> {
            HttpResponse<String> response = api("/api/incidents/" + amendedIncident.value(), LEADER);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode incident = JSON.readTree(response.body());
            assertThat(incident.get("version").asLong()).isEqualTo(4);
            assertThat(incident.get("reportedBy").asString()).isEqualTo(LEADER);
            assertThat(incident.get("reportedFor").asString()).isEqualTo(REPORTER);
            assertThat(incident.get("description").asString()).isEqualTo("Duwde tegen mijn schouder, ik ging naar de huisarts.");
            assertThat(incident.get("severity").asString()).isEqualTo("SERIOUS");
            assertThat(incident.get("aggressor").asString()).isEqualTo("CLIENT_RELATIVE");
            assertThat(incident.get("clientReference").asString()).isEqualTo("CL-" + RUN);
            assertThat(incident.get("injuries").get(0).asString()).isEqualTo("MEDICAL_TREATMENT");
            assertThat(incident.get("policeInvolved").asBoolean()).isTrue();
            assertThat(incident.get("protocolVersion").asInt()).isEqualTo(2);
            assertThat(incident.get("amendments").asInt()).isEqualTo(1);
            assertThat(incident.has("lastAmendedAt")).isTrue();
        });
    }

    @Test
    @Order(6)
    void incidentIsRefusedToOthersAndUnknownIncidentIsNotFound() throws Exception {
        await().atMost(PROJECTED).until(() -> api("/api/incidents/" + overdueIncident.value(), REPORTER).statusCode() == 200);

        HttpResponse<String> outsider = api("/api/incidents/" + overdueIncident.value(), OUTSIDER);
        assertThat(outsider.statusCode()).isEqualTo(403);
        assertThat(outsider.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(outsider.body()).doesNotContain("huisbezoek");
        assertThat(api("/api/incidents/" + overdueIncident.value(), OTHER_LEADER).statusCode()).isEqualTo(403);

        HttpResponse<String> unknown = api("/api/incidents/" + UUID.randomUUID(), LEADER);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(unknown.body()).get("detail").asString()).isEqualTo("Deze melding bestaat niet, of is nog niet verwerkt.");
    }

    @Test
    @Order(7)
    void incidentPageFollowsTheSameRule() throws Exception {
        await().atMost(PROJECTED).until(() -> api("/api/incidents/" + overdueIncident.value(), REPORTER).statusCode() == 200);

        HttpResponse<String> asReporter = page(signIn(REPORTER), "/incidents/" + overdueIncident.value());
        assertThat(asReporter.statusCode()).isEqualTo(200);
        assertThat(asReporter.body()).contains("Cli\u00ebnt dreigde bij het huisbezoek.", "Bedreiging", "Team Noord " + RUN);
        assertThat(asReporter.body()).contains("Melding aanpassen").doesNotContain("Vervolgactie plannen");
        assertThat(page(signIn(LEADER), "/incidents/" + overdueIncident.value()).statusCode()).isEqualTo(200);
        assertThat(page(signIn(OUTSIDER), "/incidents/" + overdueIncident.value()).statusCode()).isEqualTo(403);
        assertThat(page(signIn(OTHER_LEADER), "/incidents/" + overdueIncident.value()).statusCode()).isEqualTo(403);
        assertThat(page(signIn(LEADER), "/incidents/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(8)
    void incidentPageShowsTheAmendedReportAndWhatTheReaderMayDoNext() throws Exception {
        await().atMost(PROJECTED).until(() -> api("/api/incidents/" + amendedIncident.value(), LEADER).body()
                .contains("\"version\":4"));
        String pages = "http://localhost:8081/incidents/" + amendedIncident.value();

        // the leader reported it for a colleague
        String asLeader = page(signIn(LEADER), "/incidents/" + amendedIncident.value()).body();
        assertThat(asLeader).contains("Gemeld voor", "Ruud Melder", "Lea Leider", "Familie of naaste van de cli\u00ebnt",
                "CL-" + RUN, "Behandeling door huisarts of EHBO-post", "versie 2", "1 keer, het laatst op",
                "Duwde tegen mijn schouder", "href=\"" + pages + "/amend\">Melding aanpassen</a>",
                "href=\"" + pages + "/actions\">Vervolgactie plannen</a>");
        assertThat(asLeader).doesNotContain("Stond dreigend");
    }

    @Test
    @Order(9)
    void taskListIsOnlyForTheLeaderOfTheTeam() throws Exception {
        String url = "/api/tasks?team=" + TEAM.value();
        assertThat(api(url, OUTSIDER).statusCode()).isEqualTo(403);
        assertThat(api(url, OTHER_LEADER).statusCode()).isEqualTo(403);
        assertThat(api(url, REPORTER).statusCode()).isEqualTo(403);
        // without a team: all the teams they lead; someone who leads none has no inbox
        assertThat(JSON.readTree(api("/api/tasks", LEADER).body()).size()).isEqualTo(4);
        assertThat(api("/api/tasks", REPORTER).statusCode()).isEqualTo(403);
        assertThat(service().anonymous(url).statusCode())
                .isEqualTo(401);

        assertThat(page(signIn(OTHER_LEADER), "/tasks?team=" + TEAM.value()).statusCode()).isEqualTo(403);
        assertThat(page(signIn(OUTSIDER), "/tasks?team=" + TEAM.value()).statusCode()).isEqualTo(403);
        assertThat(page(signIn(OUTSIDER), "/tasks").statusCode()).isEqualTo(403);
        HttpResponse<String> ownTeam = page(signIn(OTHER_LEADER), "/tasks");
        assertThat(ownTeam.statusCode()).isEqualTo(200);
        assertThat(ownTeam.body()).doesNotContain(overdueIncident.value());
    }

    /** Each incident's first support counts in the quarter (Amsterdam calendar) it was reported in; actions never. */
    @Test
    @Order(6)
    void complianceCountsTheRequiredStepsOfTheQuarter() throws Exception {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        Quarter quarter = Quarter.of(LocalDate.ofInstant(now.minus(Duration.ofHours(1)), amsterdam));
        long firstSupports = Stream.of(now.minus(Duration.ofHours(30)), now.minus(Duration.ofHours(1)))
                .filter(at -> Quarter.of(LocalDate.ofInstant(at, amsterdam)).equals(quarter)).count();
        long feedback = Quarter.of(LocalDate.ofInstant(now.minus(Duration.ofHours(2)), amsterdam)).equals(quarter) ? 1 : 0;

        await().atMost(PROJECTED).untilAsserted(() -> {
            HttpResponse<String> response = api("/api/compliance?team=" + TEAM.value() + "&quarter=" + quarter, LEADER);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode steps = JSON.readTree(response.body()).get("steps");
            for (JsonNode step : steps) {
                long required = switch (step.get("step").asString()) {
                    case "FIRST_SUPPORT" -> firstSupports;
                    case "FEEDBACK" -> feedback;
                    default -> 0;
                };
                assertThat(step.get("required").asLong()).as(step.get("step").asString()).isEqualTo(required);
                assertThat(step.get("open").asLong()).as("no task done or reported overdue yet").isEqualTo(required);
            }
        });
        assertThat(api("/api/compliance?team=" + TEAM.value(), OTHER_LEADER).statusCode()).isEqualTo(403);
    }

    /** The review counts the report as amended, in the quarter it came in, and the action in the quarter it was planned. */
    @Test
    @Order(7)
    void quarterlyReviewCountsTheReportAsAmendedAndThePlannedAction() throws Exception {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        Quarter quarter = Quarter.of(LocalDate.ofInstant(now.minus(Duration.ofHours(2)), amsterdam));
        long threats = Stream.of(now.minus(Duration.ofHours(30)), now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(10)))
                .filter(at -> Quarter.of(LocalDate.ofInstant(at, amsterdam)).equals(quarter)).count();
        // the followed incident (a moderate threat, reported ten minutes ago) is the only moderate one left
        long moderate = Quarter.of(LocalDate.ofInstant(now.minus(Duration.ofMinutes(10)), amsterdam)).equals(quarter) ? 1 : 0;
        long actions = Quarter.of(LocalDate.ofInstant(now.minus(Duration.ofMinutes(90)), amsterdam)).equals(quarter) ? 1 : 0;

        await().atMost(PROJECTED).untilAsserted(() -> {
            HttpResponse<String> response = api("/api/reviews/quarterly?team=" + TEAM.value() + "&quarter=" + quarter, LEADER);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode current = JSON.readTree(response.body()).get("quarters").get(3);
            assertThat(current.get("quarter").asString()).isEqualTo(quarter.toString());
            assertThat(current.get("incidents").asLong()).isEqualTo(threats + 1);
            assertThat(current.get("byKind").get("THREAT").asLong()).isEqualTo(threats);
            assertThat(current.get("byKind").get("PHYSICAL_VIOLENCE").asLong()).as("as amended").isEqualTo(1);
            assertThat(current.get("bySeverity").get("MODERATE").asLong()).as("the amended one counts as serious")
                    .isEqualTo(moderate);
            assertThat(current.get("actions").get("open").asLong()).isEqualTo(actions);
        });
        assertThat(api("/api/reviews/quarterly?team=" + TEAM.value(), OTHER_LEADER).statusCode()).isEqualTo(403);
    }

    /**
     * The organisation view through the real store: a team of six reports (five moderate, one serious) and a team
     * of two. The small counts are hidden, and so is what would give them back by subtraction.
     */
    @Test
    @Order(8)
    void theOrganisationViewHidesSmallCountsAndWhatWouldGiveThemAway() throws Exception {
        TeamId big = new TeamId("qit-org-groot-" + RUN);
        TeamId small = new TeamId("qit-org-klein-" + RUN);
        directory.saveTeam(big, "Team Groot " + RUN);
        directory.saveTeam(small, "Team Klein " + RUN);
        String manager = "qit-manager-" + RUN;
        directory.saveAccount(manager, "Mila Manager", manager + "@test.local", passwordEncoder.encode(PASSWORD),
                Set.of(Role.MANAGEMENT, Role.STAFF), Set.of(), Set.of());
        Instant reportedAt = now.minus(Duration.ofHours(3));
        Quarter quarter = Quarter.of(LocalDate.ofInstant(reportedAt, ZoneId.of("Europe/Amsterdam")));
        String secret = "Mevrouw Jansen-" + RUN + " sloeg";
        List<IncidentId> incidents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            IncidentId incident = IncidentId.random();
            incidents.add(incident);
            ReportContent content = new ReportContent(reportedAt.minus(Duration.ofHours(1)), Setting.OFFICE,
                    Set.of(AggressionKind.THREAT), i == 0 ? Severity.SERIOUS : Severity.MODERATE, secret,
                    Aggressor.CLIENT, null, Set.of(), false);
            eventStore.publish(new GenericDomainEventMessage<>("Incident", incident.value(), 0,
                    new IncidentReportedEvent(incident, i < 6 ? big : small, "qit-org-reporter-" + RUN, null,
                            reportedAt, content, true, 1)));
        }

        await().atMost(PROJECTED).untilAsserted(() -> {
            HttpResponse<String> response = api("/api/organisation?quarter=" + quarter, manager);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode report = JSON.readTree(response.body());
            JsonNode groot = team(report, big).get("quarters").get(3);
            JsonNode klein = team(report, small).get("quarters").get(3);
            assertThat(klein.get("incidents").get("count").isNull()).isTrue();
            assertThat(klein.get("incidents").get("suppressed").asString()).isEqualTo("SMALL");
            assertThat(klein.get("bySeverity").get("MODERATE").get("suppressed").asString()).isEqualTo("SMALL");
            assertThat(groot.get("bySeverity").get("SERIOUS").get("suppressed").asString()).isEqualTo("SMALL");
            // 6 - 5 would give the one serious report away: the five are hidden as well
            assertThat(groot.get("bySeverity").get("MODERATE").get("count").isNull()).isTrue();
            assertThat(groot.get("bySeverity").get("MODERATE").get("suppressed").asString()).isEqualTo("COMPLEMENTARY");
            assertThat(groot.get("byKind").get("DISCRIMINATION").get("count").asInt()).isZero();
            // the organisation's count minus the teams' shown counts never leaves a single hidden team
            JsonNode total = report.get("organisation").get("quarters").get(3).get("incidents");
            if (!total.get("count").isNull()) {
                long hidden = 0;
                for (JsonNode team : report.get("teams")) {
                    hidden += team.get("quarters").get(3).get("incidents").get("count").isNull() ? 1 : 0;
                }
                assertThat(hidden).isNotEqualTo(1);
            }
            assertThat(response.body()).doesNotContain(secret, "Mila Manager", "qit-org-reporter");
            incidents.forEach(id -> assertThat(response.body()).doesNotContain(id.value()));
        });
        assertThat(api("/api/organisation?quarter=" + quarter, LEADER).statusCode()).isEqualTo(403);
        assertThat(api("/api/organisation?quarter=2026-Q9", manager).statusCode()).isEqualTo(400);
        assertThat(page(signIn(manager), "/organisation?quarter=" + quarter).body())
                .contains("Team Groot " + RUN, "Team Klein " + RUN, "&lt; 5").doesNotContain(secret);

        // one team's review: management reads it as the organisation view shows it, the team's leader the real counts
        String leader = "qit-org-leider-" + RUN;
        directory.saveAccount(leader, "Lea Klein", leader + "@test.local", passwordEncoder.encode(PASSWORD),
                Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(small), Set.of(small));
        String review = "/api/reviews/quarterly?team=" + small.value() + "&quarter=" + quarter;
        JsonNode managers = JSON.readTree(api(review, manager).body()).get("quarters").get(3);
        assertThat(managers.get("incidents").get("suppressed").asString()).isEqualTo("SMALL");
        assertThat(managers.get("bySeverity").get("MODERATE").get("suppressed").asString()).isEqualTo("SMALL");
        JsonNode leaders = JSON.readTree(api(review, leader).body()).get("quarters").get(3);
        assertThat(leaders.get("incidents").asInt()).isEqualTo(2);
        assertThat(leaders.get("bySeverity").get("MODERATE").asInt()).isEqualTo(2);
        assertThat(page(signIn(manager), "/reviews/quarterly.csv?team=" + small.value()).statusCode()).isEqualTo(403);
    }

    private static JsonNode team(JsonNode report, TeamId team) {
        for (JsonNode part : report.get("teams")) {
            if (part.get("team").asString().equals(team.value())) {
                return part;
            }
        }
        throw new AssertionError("no team " + team.value() + " in " + report);
    }

    @Test
    @Order(10)
    void processorsKeepTheirTokensInTheQuerySchema() {
        await().atMost(PROJECTED).untilAsserted(() -> {
            assertThat(tokens("tasks")).isEqualTo(2);
            assertThat(tokens("incidents")).isEqualTo(2);
            assertThat(tokens("compliance")).isEqualTo(2);
            assertThat(tokens("timeline")).isEqualTo(2);
            assertThat(tokens("my-reports")).isEqualTo(2);
            assertThat(tokens("review")).isEqualTo(2);
        });
        assertThat(jdbc.sql("select count(*) from query.token_entry where processor_name = 'tasks' and token is not null")
                .query(Long.class).single()).isPositive();
    }

    /** A reset clears the view (a row no event explains disappears) and the replay brings every task back. */
    @Test
    @Order(11)
    void resettingTheTaskProcessorRebuildsTheViewFromTheEvents() throws Exception {
        await().atMost(PROJECTED).until(() -> taskRows() == 4);
        jdbc.sql("""
                        insert into query.task (task_id, incident_id, team_id, step, assignee_role, scheduled_at, due_at)
                        values ('stray-' || ?, 'nowhere', ?, 'FIRST_SUPPORT', 'TEAM_LEADER', now(), now())""")
                .params(RUN, TEAM.value()).update();
        assertThat(taskRows()).isEqualTo(5);

        StreamingEventProcessor processor = processing.eventProcessor("tasks", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(taskRows()).isZero();
        processor.start();

        await().atMost(PROJECTED).until(() -> taskRows() == 4);
        assertThat(api("/api/tasks?team=" + TEAM.value(), LEADER).body()).contains(overdueTask.value(), laterTask.value())
                .doesNotContain("stray-");
    }

    @Test
    @Order(12)
    void theReporterFindsTheirReportsWithStatusAndFeedbackAndNoOneElsesPeopleDo() throws Exception {
        await().atMost(PROJECTED).untilAsserted(() -> {
            JsonNode reports = JSON.readTree(api("/api/my-reports", REPORTER).body());
            assertThat(reports.size()).as("three reported, one reported for them").isEqualTo(4);
            assertThat(reports.get(0).get("incidentId").asString()).isEqualTo(followedIncident.value());
            assertThat(reports.get(0).get("status").asString()).isEqualTo("REOPENED");
            assertThat(reports.get(0).get("statusText").asString()).isEqualTo("Heropend");
            assertThat(reports.get(0).get("feedback").get(0).get("givenByName").asString()).isEqualTo("Lea Leider");
        });
        assertThat(api("/api/my-reports", OUTSIDER).body()).doesNotContain(followedIncident.value());
        String page = page(signIn(REPORTER), "/my-reports").body();
        assertThat(page).contains("Mijn meldingen", "Heropend", "De cli\u00ebnt krijgt een brief.",
                "href=\"/incidents/" + followedIncident.value() + "\"");
    }

    @Test
    @Order(13)
    void theTimelineShowsEveryStepAndTheReporterNotTheNeedForHelp() throws Exception {
        String url = "/api/incidents/" + followedIncident.value() + "/timeline";
        await().atMost(PROJECTED).untilAsserted(() -> {
            JsonNode entries = JSON.readTree(api(url, LEADER).body());
            assertThat(entries.size()).isEqualTo(6);
            assertThat(entries.get(2).get("needsMoreHelp").asBoolean()).isTrue();
            assertThat(entries.get(5).get("summary").asString()).isEqualTo("Melding heropend");
        });
        JsonNode asReporter = JSON.readTree(api(url, REPORTER).body());
        assertThat(asReporter.size()).isEqualTo(6);
        assertThat(asReporter.get(2).get("needsMoreHelp").isNull()).isTrue();
        assertThat(asReporter.get(2).get("codes").size()).isZero();
        assertThat(api(url, OUTSIDER).statusCode()).isEqualTo(403);
        assertThat(api(url, OTHER_LEADER).statusCode()).isEqualTo(403);
        assertThat(page(signIn(LEADER), "/incidents/" + followedIncident.value()).body())
                .contains("Verloop", "Collegiale eerste opvang aangeboden en aangenomen", "Doorverwezen naar: Bedrijfsarts");
    }

    /**
     * Read-your-writes: the task list the command service sends a leader back to with the incident's new version
     * waits until the task view has it (here: the processor comes back only after the page was asked for).
     */
    @Test
    @Order(14)
    void aPageToldOfAChangeWaitsForItsViewToShowIt() throws Exception {
        HttpClient browser = signIn(LEADER);
        await().atMost(PROJECTED).until(() -> page(browser, "/tasks").body().contains(laterIncident.value()));
        StreamingEventProcessor tasks = processing.eventProcessor("tasks", StreamingEventProcessor.class).orElseThrow();
        tasks.shutDown();
        Instant now = Instant.now();
        eventStore.publish(new GenericDomainEventMessage<>("Incident", laterIncident.value(), 2, new TaskCompletedEvent(
                laterTask, laterIncident, TEAM, ProtocolStep.FIRST_SUPPORT, now.plus(Duration.ofHours(23)), now, false)));
        Thread restart = new Thread(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            tasks.start();
        });
        restart.start();

        String page = page(browser, "/tasks?team=" + TEAM.value() + "&seen=" + laterIncident.value() + ":2").body();
        restart.join();

        assertThat(page).doesNotContain(laterIncident.value(), "Nog niet alles is bijgewerkt")
                .contains("Binnenkort (0)");
    }

    /** A view that does not catch up in time: the page comes anyway, within the timeout, and says so. */
    @Test
    @Order(15)
    void aPageWhoseViewDoesNotCatchUpInTimeComesWithANote() throws Exception {
        HttpClient browser = signIn(LEADER);
        StreamingEventProcessor incidents = processing.eventProcessor("incidents", StreamingEventProcessor.class)
                .orElseThrow();
        incidents.shutDown();
        try {
            Instant now = Instant.now();
            eventStore.publish(new GenericDomainEventMessage<>("Incident", overdueIncident.value(), 2,
                    new TaskCompletedEvent(overdueTask, overdueIncident, TEAM, ProtocolStep.FIRST_SUPPORT,
                            now.minus(Duration.ofHours(6)), now, true)));

            long started = System.nanoTime();
            HttpResponse<String> page = page(browser, "/incidents/" + overdueIncident.value() + "?seen="
                    + overdueIncident.value() + ":2");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Nog niet alles is bijgewerkt; vernieuw de pagina zo.");
            // it waited (about 2 s) and then gave up rather than hang; the upper bound is loose for a busy CI machine
            assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(20));
        } finally {
            incidents.start();
        }
        await().atMost(PROJECTED).untilAsserted(() -> assertThat(page(browser, "/incidents/" + overdueIncident.value()
                + "?seen=" + overdueIncident.value() + ":2").body()).doesNotContain("Nog niet alles is bijgewerkt"));
    }

    private long tokens(String processor) {
        return jdbc.sql("select count(*) from query.token_entry where processor_name = ?").param(processor)
                .query(Long.class).single();
    }

    private long taskRows() {
        return jdbc.sql("select count(*) from query.task where team_id = ?").param(TEAM.value()).query(Long.class).single();
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



    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
