package nl.veiligwerken.query;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.aftercare.Referral;
import nl.veiligwerken.api.analysis.IncidentAnalysedEvent;
import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.LearningPoint;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.followup.AggressorResponse;
import nl.veiligwerken.api.followup.AggressorResponseRecordedEvent;
import nl.veiligwerken.api.followup.FollowUpActionCompletedEvent;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.test.OwnTestDatabase;
import nl.veiligwerken.query.admin.Projections;
import nl.veiligwerken.query.queries.Quarter;
import org.axonframework.eventhandling.DomainEventMessage;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6, item 6 on the read side, through HTTP with real sign-in: an incident whose personal data was erased
 * after the retention term shows none of its names and texts anywhere (pages, JSON, view tables) while it still
 * counts in the compliance figures and the quarterly review; a replay of events whose personal fields read as
 * null (as the event store gives them after the erasure) rebuilds every view without failing; and the prevention
 * officer's export of a person's data holds that person's incidents, not another's, on record in the audit log.
 * On a database of its own, so a rebuild replays only these events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PersonalDataIT.OwnDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// closed after this class, like every IT of this module (see QueryServiceIT)
@DirtiesContext
class PersonalDataIT {

    static class OwnDatabase extends OwnTestDatabase {

        @Override
        protected String name() {
            return "personal_data_it";
        }
    }

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = "geheim-" + RUN;
    private static final TeamId TEAM = new TeamId("pdi-noord-" + RUN);
    private static final String REPORTER = "pdi-reporter-" + RUN;
    private static final String AFFECTED = "pdi-affected-" + RUN;
    private static final String LEADER = "pdi-leader-" + RUN;
    private static final String PEER = "pdi-peer-" + RUN;
    private static final String OWNER = "pdi-owner-" + RUN;
    private static final String OFFICER = "pdi-officer-" + RUN;
    private static final String MANAGER = "pdi-manager-" + RUN;
    private static final String OTHER = "pdi-other-" + RUN;
    /** Every text of the erased incident starts with this; none may be left anywhere. */
    private static final String ERASED_TEXT = "Gewist-" + RUN;
    private static final String KEPT_TEXT = "Bewaard-" + RUN;
    private static final String OTHERS_TEXT = "Anders-" + RUN;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Reported by REPORTER for AFFECTED, every step taken, closed, then erased. */
    private final IncidentId erased = IncidentId.random();
    /** Reported by REPORTER, kept. */
    private final IncidentId kept = IncidentId.random();
    /** Reported by OTHER, kept: not in REPORTER's export. */
    private final IncidentId others = IncidentId.random();
    /** Its events as the event store reads them after the erasure: every personal field null. */
    private final IncidentId shredded = IncidentId.random();
    private final Instant reportedAt = Instant.now().minus(Duration.ofHours(3));
    private final Quarter quarter = Quarter.of(reportedAt, ZoneId.of("Europe/Amsterdam"));

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
    @Autowired
    Projections projections;

    @BeforeAll
    void incidentsOneOfThemErased() {
        directory.saveTeam(TEAM, "Team Noord " + RUN);
        String hash = passwordEncoder.encode(PASSWORD);
        for (String staff : List.of(REPORTER, AFFECTED, PEER, OWNER, OTHER)) {
            directory.saveAccount(staff, "Naam " + staff, staff + "@test.local", hash, Set.of(Role.STAFF),
                    Set.of(TEAM), Set.of());
        }
        directory.saveAccount(LEADER, "Lea Leider", LEADER + "@test.local", hash,
                Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(TEAM), Set.of(TEAM));
        directory.saveAccount(OFFICER, "Pim Preventie", OFFICER + "@test.local", hash,
                Set.of(Role.PREVENTION_OFFICER, Role.STAFF), Set.of(), Set.of());
        directory.saveAccount(MANAGER, "Mia Directie", MANAGER + "@test.local", hash,
                Set.of(Role.MANAGEMENT, Role.STAFF), Set.of(), Set.of());

        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.addAll(incident(erased, REPORTER, AFFECTED, ERASED_TEXT, true));
        events.addAll(incident(kept, REPORTER, null, KEPT_TEXT, false));
        events.addAll(incident(others, OTHER, null, OTHERS_TEXT, false));
        events.addAll(shreddedIncident(shredded));
        eventStore.publish(events);
        awaitAllCaughtUp();
    }

    @Test
    void anErasedIncidentShowsNoNamesOrTextsButStillCounts() throws Exception {
        assertErasedButCounted();
    }

    @Test
    void aReplayOfEventsWithoutTheirPersonalFieldsRebuildsEveryView() throws Exception {
        for (Projections.Status view : projections.all()) {
            assertThat(projections.rebuild(view.name())).isTrue();
        }
        awaitAllCaughtUp();

        // the incident whose events lost their personal fields: in every view, and its page opens
        assertThat(rowsOf("incident_view", shredded)).isEqualTo(1);
        assertThat(rowsOf("timeline_entry", shredded)).isEqualTo(11);
        assertThat(rowsOf("compliance_incident", shredded)).isEqualTo(1);
        assertThat(rowsOf("compliance_task", shredded)).isEqualTo(1);
        assertThat(rowsOf("review_incident", shredded)).isEqualTo(1);
        assertThat(rowsOf("review_action", shredded)).isEqualTo(1);
        assertThat(rowsOf("task", shredded)).isEqualTo(2);
        assertThat(rowsOf("my_report", shredded)).as("nobody's report").isZero();
        HttpResponse<String> page = page(signIn(LEADER), "/incidents/" + shredded.value());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("De persoonsgegevens van dit incident zijn gewist na de bewaartermijn");
        assertThat(api("/api/incidents/" + shredded.value() + "/timeline", LEADER).statusCode()).isEqualTo(200);
        assertThat(page(signIn(LEADER), "/tasks?team=" + TEAM.value()).statusCode()).isEqualTo(200);

        // the incident erased live: the replay brings its texts back from the (here unshredded) events, and the
        // erasure takes them out again
        assertErasedButCounted();
    }

    @Test
    void thePreventionOfficerExportsAPersonsDataOnRecord() throws Exception {
        long before = exportsOnRecord();
        HttpResponse<String> answer = api("/api/privacy/export?person=" + REPORTER, OFFICER);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("attachment", "persoonsgegevens-" + REPORTER + ".json"));
        JsonNode export = JSON.readTree(answer.body());
        assertThat(export.get("person").asString()).isEqualTo(REPORTER);
        assertThat(export.get("incidents").size()).as("the kept incident; the erased one names nobody").isEqualTo(1);
        JsonNode incident = export.get("incidents").get(0);
        assertThat(incident.get("incident").get("incidentId").asString()).isEqualTo(kept.value());
        assertThat(incident.get("involvement").toString()).contains("REPORTER", "NAMED_IN_STEP");
        assertThat(incident.get("incident").get("description").asString()).isEqualTo(KEPT_TEXT + "-beschrijving");
        assertThat(answer.body()).as("the timeline's notes are part of it")
                .contains(KEPT_TEXT + "-terugkoppeling", KEPT_TEXT + "-oorzaken");
        assertThat(export.get("myReports").size()).isEqualTo(1);
        assertThat(answer.body()).doesNotContain(OTHERS_TEXT, ERASED_TEXT, others.value());
        assertThat(export.get("notifications").asString()).endsWith("/api/privacy/export?person=" + REPORTER);

        // on record: one row, an export naming the person
        assertThat(exportsOnRecord()).isEqualTo(before + 1);
        Map<String, Object> row = jdbc.sql("""
                        select * from audit.audit_log where username = ? and action = 'PERSONAL_DATA_EXPORT'
                         order by id desc limit 1""").param(OFFICER).query().singleRow();
        assertThat(row.get("subject")).isEqualTo("person=" + REPORTER);
        assertThat(row.get("path")).isEqualTo("/api/privacy/export");

        // a person named in a step only: the peer supporter assigned
        JsonNode peer = JSON.readTree(api("/api/privacy/export?person=" + PEER, OFFICER).body());
        assertThat(peer.get("incidents").size()).as("kept and other's; not the erased one").isEqualTo(2);
        for (JsonNode named : peer.get("incidents")) {
            assertThat(named.get("involvement").toString()).isEqualTo("[\"NAMED_IN_STEP\"]");
        }
        assertThat(peer.get("myReports").size()).isZero();

        // unknown: an empty export, not a 404
        JsonNode nobody = JSON.readTree(api("/api/privacy/export?person=niemand-" + RUN, OFFICER).body());
        assertThat(nobody.get("incidents").size()).isZero();
        assertThat(nobody.get("myReports").size()).isZero();

        // no person: 400 naming the field, not on record
        long afterValid = exportsOnRecord();
        HttpResponse<String> blank = api("/api/privacy/export?person=%20", OFFICER);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"field\":\"person\"");
        assertThat(api("/api/privacy/export", OFFICER).statusCode()).isEqualTo(400);
        assertThat(exportsOnRecord()).isEqualTo(afterValid);

        // the page: a form, its error in Dutch on the page, and the download behind it
        HttpClient officer = signIn(OFFICER);
        HttpResponse<String> form = page(officer, "/privacy/export");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Persoonsgegevens exporteren", "<label for=\"person\"");
        HttpResponse<String> empty = page(officer, "/privacy/export?person=&part=incidents");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Vul de gebruikersnaam in", "aria-describedby=\"person-error\"");
        HttpResponse<String> sent = page(officer, "/privacy/export?person=" + REPORTER + "&part=incidents");
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/api/privacy/export?person=" + REPORTER));
        HttpResponse<String> notifications = page(officer, "/privacy/export?person=" + REPORTER + "&part=notifications");
        assertThat(notifications.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith(":8083/api/privacy/export?person=" + REPORTER));

        // nobody else: not management, not the team's leader, not the person themselves
        for (String other : new String[] {MANAGER, LEADER, REPORTER}) {
            assertThat(api("/api/privacy/export?person=" + REPORTER, other).statusCode()).as(other).isEqualTo(403);
            assertThat(page(signIn(other), "/privacy/export").statusCode()).as(other).isEqualTo(403);
        }
    }

    private void assertErasedButCounted() throws Exception {
        // the pages and JSON: nothing of the erased incident's texts or people, a notice instead
        HttpClient leader = signIn(LEADER);
        HttpResponse<String> page = page(leader, "/incidents/" + erased.value());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("De persoonsgegevens van dit incident zijn gewist na de bewaartermijn")
                .doesNotContain(ERASED_TEXT, REPORTER, AFFECTED, PEER, OWNER, "Naam pdi-");
        HttpResponse<String> json = api("/api/incidents/" + erased.value(), LEADER);
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode incident = JSON.readTree(json.body());
        assertThat(incident.get("personalDataErasedAt").isNull()).isFalse();
        assertThat(incident.get("reportedBy").isNull()).isTrue();
        assertThat(incident.get("severity").asString()).isEqualTo("SERIOUS");
        HttpResponse<String> timeline = api("/api/incidents/" + erased.value() + "/timeline", OFFICER);
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(timeline.body()).size()).as("the steps stay").isEqualTo(13);
        assertThat(timeline.body()).doesNotContain(ERASED_TEXT, REPORTER, AFFECTED, PEER, OWNER, LEADER, OFFICER,
                "PSYCHOLOGIST");
        // who may open it now: the team's leader and the prevention officer; its reporter is no longer known
        assertThat(api("/api/incidents/" + erased.value(), OFFICER).statusCode()).isEqualTo(200);
        assertThat(api("/api/incidents/" + erased.value(), REPORTER).statusCode()).isEqualTo(403);
        assertThat(api("/api/incidents/" + erased.value(), AFFECTED).statusCode()).isEqualTo(403);
        // the reporter's own list: the kept report only
        HttpResponse<String> myReports = api("/api/my-reports", REPORTER);
        assertThat(myReports.body()).contains(kept.value()).doesNotContain(erased.value(), ERASED_TEXT);
        assertThat(api("/api/my-reports", AFFECTED).body()).doesNotContain(erased.value());
        assertThat(page(signIn(REPORTER), "/my-reports").body()).doesNotContain(ERASED_TEXT);
        HttpResponse<String> review = page(leader, "/reviews/quarterly?team=" + TEAM.value() + "&quarter=" + quarter);
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.body()).doesNotContain(ERASED_TEXT).contains(KEPT_TEXT + "-leerpunt");

        // the view tables themselves
        for (Map.Entry<String, String> table : viewTables().entrySet()) {
            assertThat(table.getValue()).as("query.%s", table.getKey())
                    .doesNotContain(ERASED_TEXT, ERASED_TEXT.toUpperCase());
        }
        for (String table : List.of("incident_view", "timeline_entry", "task", "review_action", "my_report",
                "my_report_feedback")) {
            String rows = jdbc.sql("select coalesce(string_agg(t::text, ' '), '') from query." + table
                    + " t where incident_id = ?").param(erased.value()).query(String.class).single();
            assertThat(rows).as("query.%s", table)
                    .doesNotContain(REPORTER, AFFECTED, PEER, OWNER, LEADER, OFFICER);
        }

        // but it counts: in the team's compliance figures and review, like the other two of the team
        JsonNode compliance = JSON.readTree(api("/api/compliance?team=" + TEAM.value() + "&quarter=" + quarter, LEADER).body());
        JsonNode aftercare = null;
        for (JsonNode step : compliance.get("steps")) {
            if ("AFTERCARE_TALK".equals(step.get("step").asString())) {
                aftercare = step;
            }
        }
        assertThat(aftercare).isNotNull();
        assertThat(aftercare.get("required").asInt()).as("erased, kept, other's, the shredded one").isEqualTo(4);
        assertThat(aftercare.get("onTime").asInt()).isEqualTo(4);
        JsonNode figures = JSON.readTree(api("/api/reviews/quarterly?team=" + TEAM.value() + "&quarter=" + quarter,
                LEADER).body());
        JsonNode current = figures.get("quarters").get(figures.get("quarters").size() - 1);
        assertThat(current.get("incidents").asInt()).as("the erased one still counts").isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from query.review_learning_point where incident_id = ?")
                .param(erased.value()).query(Long.class).single()).as("its learning point stays").isEqualTo(1);
    }

    /** A whole incident: reported, aftercare, peer supporter, an action, feedback, aggressor response, analysis. */
    private List<DomainEventMessage<?>> incident(IncidentId id, String reporter, String affected, String text,
                                                 boolean closeAndErase) {
        Instant t = reportedAt;
        TaskId talk = new TaskId(id.value() + ":aftercare-talk");
        ActionId action = ActionId.random();
        TaskId actionTask = new TaskId(id.value() + ":action-" + action.value());
        List<Object> payloads = new ArrayList<>(List.of(
                new IncidentReportedEvent(id, TEAM, reporter, t, t.minus(Duration.ofHours(1)), Setting.CLIENT_HOME,
                        Set.of(AggressionKind.THREAT), Severity.SERIOUS, text + "-beschrijving", true, affected,
                        Aggressor.CLIENT, text.toUpperCase() + "-CLIENT", Set.of(), false, 1),
                new TaskScheduledEvent(talk, id, TEAM, ProtocolStep.AFTERCARE_TALK, Role.TEAM_LEADER, t,
                        t.plus(Duration.ofHours(72)), null),
                new PeerSupporterAssignedEvent(id, TEAM, PEER, LEADER, t.plusSeconds(60)),
                new AftercareTalkRecordedEvent(id, ProtocolStep.AFTERCARE_TALK, affected == null ? reporter : affected,
                        t.plusSeconds(120), AftercareOutcome.HELD, true, Set.of(Referral.PSYCHOLOGIST), LEADER,
                        t.plusSeconds(120), TEAM),
                new TaskCompletedEvent(talk, id, TEAM, ProtocolStep.AFTERCARE_TALK, t.plus(Duration.ofHours(72)),
                        t.plusSeconds(120), false),
                new FollowUpActionPlannedEvent(id, action, FollowUpKind.OTHER, text + "-actie", OWNER,
                        t.plus(Duration.ofDays(7)), false, LEADER, t.plusSeconds(180)),
                new TaskScheduledEvent(actionTask, id, TEAM, ProtocolStep.FOLLOW_UP_ACTION, null, t.plusSeconds(180),
                        t.plus(Duration.ofDays(7)), OWNER),
                new FollowUpActionCompletedEvent(id, action, text + "-resultaat", t.plusSeconds(240), OWNER,
                        t.plusSeconds(240)),
                new TaskCompletedEvent(actionTask, id, TEAM, ProtocolStep.FOLLOW_UP_ACTION, t.plus(Duration.ofDays(7)),
                        t.plusSeconds(240), false),
                new FeedbackGivenEvent(id, reporter, text + "-terugkoppeling", LEADER, t.plusSeconds(300), TEAM),
                new AggressorResponseRecordedEvent(id, Set.of(AggressorResponse.LETTER), text + "-toelichting",
                        t.plusSeconds(360), LEADER, t.plusSeconds(360)),
                new IncidentAnalysedEvent(id, text + "-oorzaken", text + "-risico",
                        List.of(new LearningPoint(LearningLevel.TEAM, null, KEPT_TEXT + "-leerpunt")), OFFICER,
                        t.plusSeconds(420))));
        if (closeAndErase) {
            payloads.add(new IncidentClosedEvent(id, LEADER, t.plusSeconds(480)));
            payloads.add(new PersonalDataErasedEvent(id, TEAM, Instant.now()));
        }
        return messages(id, payloads);
    }

    /** The events of an erased incident as the event store reads them after the erasure: no names, no texts. */
    private List<DomainEventMessage<?>> shreddedIncident(IncidentId id) {
        Instant t = reportedAt;
        TaskId talk = new TaskId(id.value() + ":aftercare-talk");
        ActionId action = ActionId.random();
        TaskId actionTask = new TaskId(id.value() + ":action-" + action.value());
        return messages(id, List.of(
                new IncidentReportedEvent(id, TEAM, null, t, t.minus(Duration.ofHours(1)), Setting.OFFICE,
                        Set.of(AggressionKind.VERBAL_ABUSE), Severity.MODERATE, null, false, null, Aggressor.CLIENT,
                        null, null, false, 1),
                new TaskScheduledEvent(talk, id, TEAM, ProtocolStep.AFTERCARE_TALK, Role.TEAM_LEADER, t,
                        t.plus(Duration.ofHours(72)), null),
                new PeerSupporterAssignedEvent(id, TEAM, null, null, t.plusSeconds(60)),
                new AftercareTalkRecordedEvent(id, ProtocolStep.AFTERCARE_TALK, null, t.plusSeconds(120),
                        AftercareOutcome.HELD, false, null, null, t.plusSeconds(120), TEAM),
                new TaskCompletedEvent(talk, id, TEAM, ProtocolStep.AFTERCARE_TALK, t.plus(Duration.ofHours(72)),
                        t.plusSeconds(120), false),
                new FollowUpActionPlannedEvent(id, action, FollowUpKind.OTHER, null, null, t.plus(Duration.ofDays(7)),
                        false, null, t.plusSeconds(180)),
                new TaskScheduledEvent(actionTask, id, TEAM, ProtocolStep.FOLLOW_UP_ACTION, null, t.plusSeconds(180),
                        t.plus(Duration.ofDays(7)), null),
                new FollowUpActionCompletedEvent(id, action, null, t.plusSeconds(240), null, t.plusSeconds(240)),
                new FeedbackGivenEvent(id, null, null, null, t.plusSeconds(300), TEAM),
                new IncidentAnalysedEvent(id, null, null, List.of(), null, t.plusSeconds(420)),
                new IncidentClosedEvent(id, null, t.plusSeconds(480)),
                new PersonalDataErasedEvent(id, TEAM, Instant.now())));
    }

    private static List<DomainEventMessage<?>> messages(IncidentId id, List<Object> payloads) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            messages.add(new GenericDomainEventMessage<>("Incident", id.value(), sequence, payloads.get(sequence)));
        }
        return messages;
    }

    private void awaitAllCaughtUp() {
        long head = jdbc.sql("select coalesce(max(global_index), -1) from eventstore.domain_event_entry")
                .query(Long.class).single();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> projections.all().stream()
                .allMatch(view -> view.running() && !view.rebuilding() && view.position() >= head));
    }

    private long rowsOf(String table, IncidentId incident) {
        return jdbc.sql("select count(*) from query." + table + " where incident_id = ?").param(incident.value())
                .query(Long.class).single();
    }

    /** Every view table as one text per table. */
    private Map<String, String> viewTables() {
        Map<String, String> tables = new java.util.LinkedHashMap<>();
        for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = 'query'"
                + " and table_type = 'BASE TABLE' and table_name not in ('token_entry', 'flyway_schema_history')")
                .query(String.class).list()) {
            tables.put(table, jdbc.sql("select coalesce(string_agg(t::text, ' '), '') from query." + table + " t")
                    .query(String.class).single());
        }
        return tables;
    }

    private long exportsOnRecord() {
        return jdbc.sql("select count(*) from audit.audit_log where action = 'PERSONAL_DATA_EXPORT'")
                .query(Long.class).single();
    }

    private HttpResponse<String> api(String path, String username) throws IOException, InterruptedException {
        return new ServiceHttp(port, PASSWORD).api(path, username);
    }

    private HttpClient signIn(String username) throws IOException, InterruptedException {
        return new ServiceHttp(port, PASSWORD).signIn(username);
    }

    private HttpResponse<String> page(HttpClient browser, String path) throws IOException, InterruptedException {
        return new ServiceHttp(port, PASSWORD).page(browser, path);
    }
}
