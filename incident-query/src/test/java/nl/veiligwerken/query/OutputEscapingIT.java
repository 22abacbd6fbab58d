package nl.veiligwerken.query;

import nl.veiligwerken.platform.test.InertMarkup;
import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.analysis.IncidentAnalysedEvent;
import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.LearningPoint;
import nl.veiligwerken.api.analysis.Skill;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.followup.AggressorResponse;
import nl.veiligwerken.api.followup.AggressorResponseRecordedEvent;
import nl.veiligwerken.api.followup.FollowUpActionCompletedEvent;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.api.followup.LabourInspectorateNotifiedEvent;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import nl.veiligwerken.query.admin.Projections;
import nl.veiligwerken.query.queries.Quarter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static nl.veiligwerken.platform.test.InertMarkup.PAYLOAD;
import static nl.veiligwerken.platform.test.InertMarkup.SHORT_PAYLOAD;
import static nl.veiligwerken.platform.test.InertMarkup.assertInert;
import static nl.veiligwerken.platform.test.InertMarkup.assertShownInert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Script payloads in every free text an incident's events carry, as the command side appends them, and every
 * page of the query service that shows them finds them inert; the CSV export neutralises cells Excel would read
 * as a formula.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@DirtiesContext
class OutputEscapingIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final TeamId TEAM = new TeamId("esc-" + RUN);
    private static final VwUser LEADER = new VwUser("esc-leader-" + RUN, "Lea Leider", "l@test.local", "{noop}x",
            true, Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(TEAM), Set.of(TEAM));
    private static final VwUser REPORTER = new VwUser("esc-reporter-" + RUN, "Ruud Melder", "r@test.local", "{noop}x",
            true, Set.of(Role.STAFF), Set.of(TEAM), Set.of());
    /** What a spreadsheet would run: each must reach the CSV as text. */
    private static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.test\",\"klik\")", "+1+1", "-2+3",
            "@SUM(1+1)");

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    Projections projections;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountDirectory directory;

    @Test
    void payloadsInEveryTextOfAnIncidentStayTextOnEveryPageAndInTheExport() throws Exception {
        directory.saveTeam(TEAM, "Team " + RUN);
        for (VwUser person : List.of(LEADER, REPORTER)) {
            directory.saveAccount(person.getUsername(), person.displayName(), person.email(), "{noop}x",
                    person.roles(), person.memberOf(), person.leads());
        }
        IncidentId incident = IncidentId.random();
        ActionId action = ActionId.random();
        ActionId measure = ActionId.random();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        Instant reportedAt = now.minus(Duration.ofHours(3));
        // every event of the incident in one quarter, also when this runs just after a quarter began
        if (!Quarter.of(reportedAt.minus(Duration.ofHours(1)), zone).equals(Quarter.of(reportedAt.plusSeconds(600), zone))) {
            reportedAt = reportedAt.minus(Duration.ofHours(2));
        }
        String quarter = Quarter.of(reportedAt, zone).toString();
        ReportContent content = new ReportContent(reportedAt.minus(Duration.ofHours(1)), Setting.OFFICE,
                Set.of(AggressionKind.THREAT), Severity.MODERATE, PAYLOAD, Aggressor.CLIENT, "CL-1234", Set.of(), false);
        ReportContent amended = new ReportContent(content.occurredAt(), Setting.OFFICE, Set.of(AggressionKind.THREAT),
                Severity.SERIOUS, PAYLOAD, Aggressor.CLIENT, "CL-1234", Set.of(), false);
        List<Object> events = List.of(
                new IncidentReportedEvent(incident, TEAM, REPORTER.getUsername(), null, reportedAt, content, true, 1),
                new ReportAmendedEvent(incident, amended, PAYLOAD, REPORTER.getUsername(), reportedAt.plusSeconds(60)),
                new AggressorResponseRecordedEvent(incident, Set.of(AggressorResponse.LETTER), PAYLOAD,
                        reportedAt.plusSeconds(120), LEADER.getUsername(), reportedAt.plusSeconds(120)),
                new FollowUpActionPlannedEvent(incident, action, FollowUpKind.OTHER, PAYLOAD, LEADER.getUsername(),
                        now.plus(Duration.ofDays(7)), false, LEADER.getUsername(), reportedAt.plusSeconds(180)),
                new TaskScheduledEvent(new TaskId(incident.value() + ":action-" + action.value()), incident, TEAM,
                        ProtocolStep.FOLLOW_UP_ACTION, null, reportedAt.plusSeconds(180), now.plus(Duration.ofDays(7)),
                        LEADER.getUsername()),
                new FeedbackGivenEvent(incident, REPORTER.getUsername(), PAYLOAD, LEADER.getUsername(),
                        reportedAt.plusSeconds(240), TEAM),
                new IncidentAnalysedEvent(incident, PAYLOAD, PAYLOAD, List.of(
                        new LearningPoint(LearningLevel.TEAM, Skill.DE_ESCALATION, PAYLOAD),
                        new LearningPoint(LearningLevel.TEAM, null, FORMULAS.get(0)),
                        new LearningPoint(LearningLevel.ORGANISATION, null, FORMULAS.get(1))),
                        LEADER.getUsername(), reportedAt.plusSeconds(300)),
                new FollowUpActionPlannedEvent(incident, measure, FollowUpKind.PREVENTIVE_MEASURE, FORMULAS.get(2),
                        LEADER.getUsername(), now.plus(Duration.ofDays(30)), false, LEADER.getUsername(),
                        reportedAt.plusSeconds(300)),
                new FollowUpActionPlannedEvent(incident, ActionId.random(), FollowUpKind.PREVENTIVE_MEASURE,
                        FORMULAS.get(3), LEADER.getUsername(), now.plus(Duration.ofDays(30)), false,
                        LEADER.getUsername(), reportedAt.plusSeconds(300)),
                new FollowUpActionCompletedEvent(incident, measure, PAYLOAD, reportedAt.plusSeconds(360),
                        LEADER.getUsername(), reportedAt.plusSeconds(360)),
                new LabourInspectorateNotifiedEvent(incident, reportedAt.plusSeconds(420), SHORT_PAYLOAD,
                        LEADER.getUsername(), reportedAt.plusSeconds(420)),
                new IncidentClosedEvent(incident, LEADER.getUsername(), reportedAt.plusSeconds(480)),
                new IncidentReopenedEvent(incident, PAYLOAD, LEADER.getUsername(), reportedAt.plusSeconds(540)));
        for (int sequence = 0; sequence < events.size(); sequence++) {
            eventStore.publish(new GenericDomainEventMessage<>("Incident", incident.value(), sequence, events.get(sequence)));
        }
        awaitAllCaughtUp();

        String incidentPage = page("/incidents/" + incident.value(), LEADER);
        assertShownInert("incident page", incidentPage, PAYLOAD);
        assertShownInert("incident page, reporter", page("/incidents/" + incident.value(), REPORTER), PAYLOAD);
        assertShownInert("my reports", page("/my-reports", REPORTER), PAYLOAD);
        assertShownInert("task inbox", page("/tasks?team=" + TEAM.value(), LEADER), PAYLOAD);
        String review = page("/reviews/quarterly?team=" + TEAM.value() + "&quarter=" + quarter, LEADER);
        assertShownInert("quarterly review", review, PAYLOAD);
        assertThat(review).as("a formula is shown as typed").contains(InertMarkup.escaped(FORMULAS.get(0)));
        assertInert("compliance", page("/compliance?team=" + TEAM.value(), LEADER));

        String csv = new String(mvc.perform(get("/reviews/quarterly.csv?team=" + TEAM.value() + "&quarter=" + quarter)
                        .with(user(LEADER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).as("the learning point as text").contains(PAYLOAD.substring(0, 25));
        List<String> cells = Arrays.stream(csv.split("\r\n"))
                .flatMap(line -> Arrays.stream(line.split(";", -1)))
                .map(cell -> cell.startsWith("\"") ? cell.substring(1) : cell)
                .toList();
        for (String formula : FORMULAS) {
            assertThat(cells).as("%s arrives as text, not as a formula", formula)
                    .anySatisfy(cell -> assertThat(cell).startsWith("'" + formula.charAt(0)))
                    .noneSatisfy(cell -> assertThat(cell).startsWith(formula.substring(0, 2)));
        }
    }

    private String page(String path, VwUser person) throws Exception {
        return mvc.perform(get(path).with(user(person))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private void awaitAllCaughtUp() {
        long head = jdbc.sql("select coalesce(max(global_index), -1) from eventstore.domain_event_entry")
                .query(Long.class).single();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> projections.all()
                .stream().allMatch(view -> view.running() && !view.rebuilding() && view.position() >= head));
    }
}
