package nl.veiligwerken.command;

import com.jayway.jsonpath.JsonPath;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One serious incident, from report to closed, entirely through the JSON API and each step by the person the
 * agreements give it to. The service's clock is moved on as days pass; the persistent deadlines run on real
 * time and stay days away, so none fires in between.
 */
@CommandServiceIntegrationTest
class IncidentLifeIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** "Now" for the service: starts tomorrow at 10:00 (so today's end never comes during the test), moved on by hand. */
    static final class MovableClock extends Clock {

        private volatile Duration ahead = Duration.between(Instant.now(),
                LocalDate.now(ZONE).plusDays(1).atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant());

        void passes(Duration time) {
            ahead = ahead.plus(time);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), ahead);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }

    @TestConfiguration
    static class MovedClock {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountDirectory directory;
    @Autowired
    MovableClock clock;

    private String now() {
        return LocalDateTime.ofInstant(clock.instant(), ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private String inDays(int days) {
        return LocalDateTime.ofInstant(clock.instant(), ZONE).plusDays(days).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private String send(VwUser person, String path, String json, ResultMatcher expected) throws Exception {
        return mvc.perform(post(path).with(user(person)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(expected).andReturn().getResponse().getContentAsString();
    }

    /** Takes a step and answers the incident's version after it. */
    private long step(VwUser person, String path, String json) throws Exception {
        return ((Number) JsonPath.read(send(person, path, json, status().isOk()), "$.version")).longValue();
    }

    private List<String> payloads(String incidentId, String type) {
        return jdbc.queryForList("select convert_from(payload, 'UTF8') from eventstore.domain_event_entry "
                + "where aggregate_identifier = ? and payload_type = ? order by sequence_number", String.class, incidentId, type);
    }

    @Test
    void aSeriousIncidentGoesFromReportToClosedWithEveryStepByTheRightPerson() throws Exception {
        CommandTestUsers users = new CommandTestUsers(directory);
        for (VwUser person : Set.of(users.leader, users.colleague)) {
            directory.saveAccount(person.getUsername(), person.displayName(), person.email(), "{noop}x",
                    person.roles(), person.memberOf(), person.leads());
        }
        VwUser leader = users.leader;
        String occurredAt = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofHours(1)), ZONE)
                .truncatedTo(ChronoUnit.MINUTES).toString();
        String id = JsonPath.read(send(users.staff, "/api/incidents", """
                {"teamId":"%s","occurredAt":"%s","setting":"OFFICE","kinds":["PHYSICAL_VIOLENCE","THREAT"],
                 "severity":"SERIOUS","description":"Sloeg mij bij de balie","aggressor":"CLIENT",
                 "clientReference":"C-1234","injuries":["HOSPITAL_ADMISSION"],"policeInvolved":true,
                 "supportWanted":true}""".formatted(users.team.value(), occurredAt), status().isCreated()),
                "$.incidentId");
        String api = "/api/incidents/" + id;
        long version = ((Number) JsonPath.read(mvc.perform(get(api + "/version").with(user(leader)))
                .andReturn().getResponse().getContentAsString(), "$.version")).longValue();
        assertThat(version).as("the report and six tasks").isEqualTo(6);

        mvc.perform(post(api + "/close").with(user(leader)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedVersion\":" + version + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("De melding kan nog niet dicht."),
                        containsString("Ernstig letsel melden bij de Arbeidsinspectie"),
                        containsString("Collegiale eerste opvang aanbieden"), containsString("Nazorggesprek voeren"),
                        containsString("Reageren naar de agressor"), containsString("Terugkoppelen aan de melder"),
                        containsString("Incidentanalyse maken"))));

        // two days and a few hours on: first support and the Labour Inspectorate are late by then
        clock.passes(Duration.ofDays(2).plusHours(3));
        version = step(leader, api + "/first-support", """
                {"expectedVersion":%d,"offeredAt":"%s","response":"ACCEPTED"}""".formatted(version, now()));
        version = step(leader, api + "/labour-inspectorate", """
                {"expectedVersion":%d,"notifiedAt":"%s","reference":"NLA-2026-0042"}""".formatted(version, now()));
        version = step(leader, api + "/aftercare", """
                {"expectedVersion":%d,"heldAt":"%s","outcome":"HELD","needsMoreHelp":true,
                 "referrals":["COMPANY_DOCTOR"]}""".formatted(version, now()));
        version = step(leader, api + "/aggressor-response", """
                {"expectedVersion":%d,"responses":["LETTER","POLICE_REPORT"],
                 "explanation":"Brief met gedragsregels; aangifte volgt","respondedAt":"%s"}""".formatted(version, now()));

        String policeReport = UUID.randomUUID().toString();
        String plan = """
                {"expectedVersion":%d,"actionId":"%s","kind":"POLICE_REPORT","byEmployer":true,
                 "description":"Aangifte namens de medewerker","owner":"%s","dueAt":"%s"}""";
        version = step(leader, api + "/actions", plan.formatted(version, policeReport,
                users.colleague.getUsername(), inDays(7)));
        mvc.perform(post(api + "/actions").with(user(leader)).contentType(MediaType.APPLICATION_JSON)
                        .content(plan.formatted(version, policeReport, users.colleague.getUsername(), inDays(7))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Deze actie is al vastgelegd."));
        String done = """
                {"expectedVersion":%d,"result":"Aangifte gedaan, proces-verbaal ontvangen","completedAt":"%s"}""";
        send(users.staff, api + "/actions/" + policeReport + "/complete", done.formatted(version, now()),
                status().isForbidden());
        version = step(users.colleague, api + "/actions/" + policeReport + "/complete", done.formatted(version, now()));

        version = step(leader, api + "/feedback", """
                {"expectedVersion":%d,"message":"De cliënt kreeg een brief en er is aangifte gedaan."}"""
                .formatted(version));

        String measure = UUID.randomUUID().toString();
        String analysis = """
                {"expectedVersion":%d,"causes":"Lange wachttijd, geen tweede collega aan de balie",
                 "riskFactors":"Alleen werken","learningPoints":[{"level":"TEAM","skill":"DE_ESCALATION",
                 "text":"Eerder de-escaleren"},{"level":null,"skill":null,"text":""}],
                 "measures":[{"actionId":"%s","description":"Tweede collega aan de balie","owner":"%s","dueAt":"%s"}]}""";
        send(users.otherLeader, api + "/analysis", analysis.formatted(version, measure, leader.getUsername(), inDays(30)),
                status().isForbidden());
        send(users.staff, api + "/analysis", analysis.formatted(version, measure, leader.getUsername(), inDays(30)),
                status().isForbidden());
        mvc.perform(post(api + "/analysis").with(user(users.preventionOfficer)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"expectedVersion":%d,"causes":"Wachttijd","learningPoints":[{"text":""},{"text":"Rust"}],
                                 "measures":[{"actionId":"%s","description":"Balie","owner":"nobody","dueAt":"%s"}]}"""
                                .formatted(version, measure, inDays(30))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "learningPoints[0].level", "measures[0].owner")));
        version = step(users.preventionOfficer, api + "/analysis",
                analysis.formatted(version, measure, leader.getUsername(), inDays(30)));

        mvc.perform(post(api + "/close").with(user(leader)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expectedVersion\":" + version + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("Eerste check-in (nazorg)"),
                        containsString("Vervolgactie uitvoeren"), not(containsString("Incidentanalyse maken")))));

        version = step(leader, api + "/actions/" + measure + "/complete", """
                {"expectedVersion":%d,"result":"Rooster aangepast","completedAt":"%s"}""".formatted(version, now()));

        // the check-ins the agreements ask for a serious incident: two weeks and six weeks after the first talk
        clock.passes(Duration.ofDays(13));
        version = step(leader, api + "/aftercare", """
                {"expectedVersion":%d,"heldAt":"%s","outcome":"HELD","needsMoreHelp":false}""".formatted(version, now()));
        clock.passes(Duration.ofDays(27));
        version = step(leader, api + "/aftercare", """
                {"expectedVersion":%d,"heldAt":"%s","outcome":"HELD","needsMoreHelp":false}""".formatted(version, now()));

        version = step(leader, api + "/close", "{\"expectedVersion\":" + version + "}");

        Map<String, Boolean> lateByStep = new HashMap<>();
        for (String completed : payloads(id, "nl.veiligwerken.api.protocol.TaskCompletedEvent")) {
            String step = JsonPath.read(completed, "$.step");
            String task = JsonPath.read(completed, "$.taskId");
            lateByStep.put(step.equals("FOLLOW_UP_ACTION") ? task : step, JsonPath.read(completed, "$.late"));
        }
        assertThat(lateByStep).containsEntry("FIRST_SUPPORT", true).containsEntry("LABOUR_INSPECTORATE", true)
                .containsEntry("AFTERCARE_TALK", false).containsEntry("FEEDBACK", false)
                .containsEntry("INCIDENT_ANALYSIS", false).containsEntry("FIRST_CHECK_IN", false)
                .containsEntry("SECOND_CHECK_IN", false)
                .containsEntry(id + ":action-" + policeReport, false).containsEntry(id + ":action-" + measure, false)
                .hasSize(10);
        assertThat(payloads(id, "nl.veiligwerken.api.followup.FollowUpActionPlannedEvent"))
                .as("the police report filed by the employer, and the measure from the analysis").hasSize(2)
                .anySatisfy(planned -> assertThat((Boolean) JsonPath.read(planned, "$.byEmployer")).isTrue())
                .anySatisfy(planned -> assertThat((String) JsonPath.read(planned, "$.kind")).isEqualTo("PREVENTIVE_MEASURE"));
        assertThat(payloads(id, "nl.veiligwerken.api.closing.IncidentClosedEvent")).hasSize(1);
        assertThat(jdbc.queryForObject("select closed from command.incident_lookup where incident_id = ?",
                Boolean.class, id)).isTrue();
        assertThat(version).isEqualTo(jdbc.queryForObject(
                "select max(sequence_number) from eventstore.domain_event_entry where aggregate_identifier = ?",
                Long.class, id));
    }
}
