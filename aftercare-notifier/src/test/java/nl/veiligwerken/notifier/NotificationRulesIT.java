package nl.veiligwerken.notifier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.notifier.notifications.DueSoonReminders;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.test.FreePorts;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who hears what, for each published event type, against real parts (embedded Kafka, PostgreSQL, GreenMail).
 * Records go onto the topic as the command service publishes them (CloudEvents headers); the reminder job is
 * invoked directly with the instant to run at, so no test waits for a clock. Every test makes its own team and
 * uses its own due times, so the tests share one context and database.
 */
@SpringBootTest(properties = {
        "veilig-werken.notifier.mail.interval=200ms",
        "veilig-werken.notifier.events.retry-interval=100ms",
        // the job runs once at start-up (nothing is due then); the tests run it themselves, at chosen instants
        "veilig-werken.notifier.reminders.interval=1h",
        "veilig-werken.notifier.reminders.due-soon=1d,4h",
        "veilig-werken.links.query=http://query.test",
        "veilig-werken.links.command=http://command.test",
        "spring.mail.host=127.0.0.1"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@EmbeddedKafka(topics = PublishedEventType.TOPIC, partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class NotificationRulesIT {

    private static final String PASSWORD = "secret";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension greenMail = TestMailServer.smtpOn(SMTP_PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    DueSoonReminders reminders;

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Test
    void aNewSeriousIncidentTellsTheLeadersAtOnceWithTheReportsTasksFoldedInAndOthersTheirOwnTasks() throws Exception {
        Team team = team();
        String incident = UUID.randomUUID().toString();
        Instant reportedAt = Instant.parse("2025-06-02T12:30:00.123456Z");
        String reported = send(PublishedEventType.INCIDENT_REPORTED, incident, incidentReported(incident, team, reportedAt));
        send(PublishedEventType.TASK_SCHEDULED, incident,
                task(incident + ":first-support", incident, team, "FIRST_SUPPORT", "TEAM_LEADER", null, reportedAt, "2025-06-03T12:30:00Z"));
        String aggressor = send(PublishedEventType.TASK_SCHEDULED, incident,
                task(incident + ":aggressor", incident, team, "AGGRESSOR_RESPONSE", "TEAM_LEADER", null, reportedAt, "2025-06-04T12:30:00Z"));
        send(PublishedEventType.TASK_SCHEDULED, incident,
                task(incident + ":li", incident, team, "LABOUR_INSPECTORATE", "TEAM_LEADER", null, reportedAt, "2025-06-02T21:59:00Z"));
        send(PublishedEventType.TASK_SCHEDULED, incident,
                task(incident + ":analysis", incident, team, "INCIDENT_ANALYSIS", "PREVENTION_OFFICER", null, reportedAt, "2025-06-16T12:30:00Z"));
        // planned a day later, for a named colleague: not one of the report's own tasks
        send(PublishedEventType.TASK_SCHEDULED, incident,
                task(incident + ":action-a1", incident, team, "FOLLOW_UP_ACTION", null, team.staff,
                        reportedAt.plus(Duration.ofDays(1)), "2025-06-10T12:30:00Z"));
        // redeliveries of the report and of a folded task: nothing new, nothing counted twice
        resend(reported, PublishedEventType.INCIDENT_REPORTED, incident, incidentReported(incident, team, reportedAt));
        resend(aggressor, PublishedEventType.TASK_SCHEDULED, incident,
                task(incident + ":aggressor", incident, team, "AGGRESSOR_RESPONSE", "TEAM_LEADER", null, reportedAt, "2025-06-04T12:30:00Z"));
        handled(send(PublishedEventType.TASK_COMPLETED, incident, """
                {"taskId":"%s:first-support","incidentId":"%s","teamId":"%s","step":"FIRST_SUPPORT",
                 "dueAt":"2025-06-03T12:30:00Z","completedAt":"2025-06-02T15:00:00Z","late":false}"""
                .formatted(incident, incident, team.id)));

        for (String leader : List.of(team.leader, team.secondLeader)) {
            assertThat(notifications(leader)).as(leader).containsExactlyInAnyOrder(
                    "NEW_INCIDENT urgent tasks=2 link=INCIDENT", "TASK_SCHEDULED LABOUR_INSPECTORATE urgent link=TASK_LIST");
        }
        assertThat(notifications(team.officer)).containsExactly("TASK_SCHEDULED INCIDENT_ANALYSIS link=INCIDENT");
        assertThat(notifications(team.staff)).containsExactly("TASK_SCHEDULED FOLLOW_UP_ACTION link=STEP_FORM");

        await().atMost(WAIT).until(() -> mailsTo(team.leader).size() == 2 && mailsTo(team.staff).size() == 1);
        assertThat(subjects(team.leader)).containsExactlyInAnyOrder(
                "Dringend: Nieuw incident gemeld voor team " + team.name,
                "Dringend: Nieuwe taak: melding van ernstig letsel bij de Arbeidsinspectie");
        String newIncidentMail = mailsTo(team.leader).stream().map(GreenMailUtil::getBody)
                .filter(body -> body.contains("nieuw incident")).findFirst().orElseThrow();
        assertThat(newIncidentMail).contains("http://query.test/incidents/" + incident).doesNotContain("THREAT");
        assertThat(GreenMailUtil.getBody(mailsTo(team.staff).get(0)))
                .contains("http://command.test/incidents/" + incident + "/actions/a1/complete");

        mvc.perform(get("/notifications").locale(Locale.forLanguageTag("nl"))
                        .with(user(accounts.find(team.leader).orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nieuw incident gemeld, met 2 taken voor u")))
                .andExpect(content().string(containsString("Dringend")))
                .andExpect(content().string(containsString("http://query.test/incidents/" + incident)));
    }

    @Test
    void theAssignedPeerSupporterHearsAtOnceAndTheReporterHearsOfFeedbackInTheirLanguage() throws Exception {
        Team team = team();
        speaksEnglish(team.staff);
        String incident = UUID.randomUUID().toString();
        send(PublishedEventType.PEER_SUPPORTER_ASSIGNED, incident, """
                {"incidentId":"%s","teamId":"%s","peerSupporter":"%s","assignedBy":"%s","assignedAt":"2025-06-02T13:00:00Z"}"""
                .formatted(incident, team.id, team.peer, team.leader));
        handled(send(PublishedEventType.FEEDBACK_GIVEN, incident, """
                {"incidentId":"%s","teamId":null,"reporter":"%s","givenBy":"%s","givenAt":"2025-06-05T13:00:00Z"}"""
                .formatted(incident, team.staff, team.leader)));

        assertThat(notifications(team.peer)).containsExactly("PEER_SUPPORT_ASSIGNED FIRST_SUPPORT urgent link=STEP_FORM");
        assertThat(notifications(team.staff)).containsExactly("FEEDBACK_GIVEN link=MY_REPORTS");
        assertThat(notifications(team.leader)).isEmpty();

        await().atMost(WAIT).until(() -> mailsTo(team.peer).size() == 1 && mailsTo(team.staff).size() == 1);
        assertThat(subjects(team.peer)).containsExactly("Dringend: Verzoek: collegiale eerste opvang");
        assertThat(GreenMailUtil.getBody(mailsTo(team.peer).get(0)))
                .contains("http://command.test/incidents/" + incident + "/first-support");
        assertThat(subjects(team.staff)).containsExactly("Feedback on your report");
        assertThat(GreenMailUtil.getBody(mailsTo(team.staff).get(0)))
                .contains("Dear Medewerker").contains("http://query.test/my-reports").doesNotContain(incident);
    }

    @Test
    void openTasksAreRemindedOnceAtEachLeadAndDoneOrWithdrawnOrShortTasksNotAtAll() throws Exception {
        Team team = team();
        String incident = UUID.randomUUID().toString();
        Instant due = Instant.parse("2031-03-05T08:00:00Z");
        Instant scheduled = due.minus(Duration.ofDays(2));
        String open = incident + ":aggressor";
        send(PublishedEventType.TASK_SCHEDULED, incident,
                task(open, incident, team, "AGGRESSOR_RESPONSE", "TEAM_LEADER", null, scheduled, due.toString()));
        send(PublishedEventType.TASK_SCHEDULED, incident,
                task(incident + ":feedback", incident, team, "FEEDBACK", "TEAM_LEADER", null, scheduled, due.toString()));
        send(PublishedEventType.TASK_SCHEDULED, incident,
                task(incident + ":analysis", incident, team, "INCIDENT_ANALYSIS", "TEAM_LEADER", null, scheduled, due.toString()));
        // scheduled three hours before its due time: even the four-hour reminder would come with the task itself
        send(PublishedEventType.TASK_SCHEDULED, incident,
                task(incident + ":li", incident, team, "LABOUR_INSPECTORATE", "TEAM_LEADER", null,
                        due.minus(Duration.ofHours(3)), due.toString()));
        send(PublishedEventType.TASK_COMPLETED, incident, """
                {"taskId":"%s:feedback","incidentId":"%s","teamId":"%s","step":"FEEDBACK",
                 "dueAt":"%s","completedAt":"%s","late":false}""".formatted(incident, incident, team.id, due, scheduled));
        handled(send(PublishedEventType.TASK_WITHDRAWN, incident, """
                {"taskId":"%s:analysis","incidentId":"%s","teamId":"%s","step":"INCIDENT_ANALYSIS","withdrawnAt":"%s"}"""
                .formatted(incident, incident, team.id, scheduled)));
        int before = notifications(team.leader).size();

        assertThat(reminders.sendDue(due.minus(Duration.ofHours(30)))).as("more than a day before").isZero();
        reminders.sendDue(due.minus(Duration.ofHours(23)));
        reminders.sendDue(due.minus(Duration.ofHours(22)));
        reminders.sendDue(due.minus(Duration.ofHours(3)));
        reminders.sendDue(due.minus(Duration.ofHours(2)));
        reminders.sendDue(due.minus(Duration.ofMinutes(1)));

        assertThat(jdbc().sql("""
                        select source_event_id from notifier.notification
                         where recipient_username = ? and kind = 'TASK_DUE_SOON' order by source_event_id""")
                .param(team.leader).query(String.class).list())
                .containsExactly("reminder:" + open + ":PT24H", "reminder:" + open + ":PT4H");
        assertThat(notifications(team.leader)).hasSize(before + 2);
        await().atMost(WAIT).until(() -> mailsTo(team.leader).size() == before + 2);
        assertThat(subjects(team.leader)).contains("Herinnering: de reactie naar de agressor");
    }

    @Test
    void aCheckInReminderTellsTheLeaderTheColleaguesNameAndTheEarlierTalksSignal() throws Exception {
        Team team = team();
        String incident = UUID.randomUUID().toString();
        Instant due = Instant.parse("2032-04-20T08:00:00Z");
        send(PublishedEventType.AFTERCARE_TALK_RECORDED, incident, """
                {"incidentId":"%s","teamId":"%s","step":"AFTERCARE_TALK","colleague":"%s","heldAt":"2032-04-06T08:00:00Z",
                 "outcome":"HELD","needsMoreHelp":true}""".formatted(incident, team.id, team.staff));
        handled(send(PublishedEventType.TASK_SCHEDULED, incident, task(incident + ":first-check-in", incident, team,
                "FIRST_CHECK_IN", "TEAM_LEADER", null, Instant.parse("2032-04-06T08:05:00Z"), due.toString())));

        assertThat(reminders.sendDue(due.minus(Duration.ofHours(3)))).isEqualTo(2);

        List<Map<String, Object>> rows = jdbc().sql("""
                        select recipient_username, colleague_name, aftercare_signal from notifier.notification
                         where kind = 'CHECK_IN_DUE' and incident_id = ?""").param(incident).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("recipient_username"))
                .containsExactlyInAnyOrder(team.leader, team.secondLeader);
        assertThat(rows).allSatisfy(r -> assertThat(r)
                .containsEntry("colleague_name", "Medewerker " + team.suffix)
                .containsEntry("aftercare_signal", "NEEDS_MORE_HELP"));
        await().atMost(WAIT).until(() -> mailsTo(team.leader).size() == 2);
        assertThat(subjects(team.leader)).contains("Herinnering: de eerste check-in (nazorg)");
        // the mail names the colleague; how the talk went stays behind sign-in
        assertThat(mailsTo(team.leader).stream().map(GreenMailUtil::getBody).toList())
                .noneMatch(body -> body.contains("meer hulp"))
                .filteredOn(body -> body.contains("Binnenkort"))
                .singleElement().asString().contains("de eerste check-in (nazorg) met Medewerker " + team.suffix);
        mvc.perform(get("/notifications").locale(Locale.forLanguageTag("nl"))
                        .with(user(accounts.find(team.leader).orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("met Medewerker " + team.suffix)))
                .andExpect(content().string(containsString("vorige gesprek: de collega heeft meer hulp nodig")));
    }

    @Test
    void anOverdueTaskTellsItsOwnerAndEscalatesToTheRoleTheAgreementsNameButNeverTwiceToOnePerson() throws Exception {
        Team team = team();
        String incident = UUID.randomUUID().toString();
        Instant due = Instant.parse("2025-07-14T12:30:00Z");
        send(PublishedEventType.TASK_SCHEDULED, incident, task(incident + ":aggressor", incident, team,
                "AGGRESSOR_RESPONSE", "TEAM_LEADER", null, due.minus(Duration.ofDays(2)), due.toString()));
        send(PublishedEventType.TASK_OVERDUE, incident, """
                {"taskId":"%s:aggressor","incidentId":"%s","teamId":"%s","step":"AGGRESSOR_RESPONSE","dueAt":"%s",
                 "assigneeRole":"TEAM_LEADER","assignee":null,"escalateTo":"PREVENTION_OFFICER"}"""
                .formatted(incident, incident, team.id, due));
        // an action of one of the leaders, without an agreement on whom to escalate to: the team's leaders
        handled(send(PublishedEventType.TASK_OVERDUE, incident, """
                {"taskId":"%s:action-b2","incidentId":"%s","teamId":"%s","step":"FOLLOW_UP_ACTION","dueAt":"%s",
                 "assigneeRole":null,"assignee":"%s","escalateTo":null}"""
                .formatted(incident, incident, team.id, due, team.leader)));

        assertThat(notifications(team.leader)).containsExactlyInAnyOrder(
                "TASK_SCHEDULED AGGRESSOR_RESPONSE link=TASK_LIST",
                "TASK_OVERDUE AGGRESSOR_RESPONSE link=TASK_LIST",
                "TASK_OVERDUE FOLLOW_UP_ACTION link=STEP_FORM");
        assertThat(notifications(team.secondLeader)).containsExactlyInAnyOrder(
                "TASK_SCHEDULED AGGRESSOR_RESPONSE link=TASK_LIST",
                "TASK_OVERDUE AGGRESSOR_RESPONSE link=TASK_LIST",
                "TASK_ESCALATED FOLLOW_UP_ACTION link=TASK_LIST");
        assertThat(notifications(team.officer)).containsExactly("TASK_ESCALATED AGGRESSOR_RESPONSE link=INCIDENT");
        assertThat(notifications(team.staff)).isEmpty();

        await().atMost(WAIT).until(() -> mailsTo(team.officer).size() == 1);
        assertThat(subjects(team.officer)).containsExactly(
                "Niet op tijd gedaan in team " + team.name + ": de reactie naar de agressor");
        assertThat(GreenMailUtil.getBody(mailsTo(team.officer).get(0))).contains("http://query.test/incidents/" + incident);
        reminders.sendDue(due.minus(Duration.ofHours(1)));
        assertThat(jdbc().sql("select count(*) from notifier.notification where source_event_id like ?")
                .param("reminder:" + incident + "%").query(Long.class).single())
                .as("an overdue task gets no more reminders").isZero();
    }

    @Test
    void anErasedIncidentLeavesNothingOfItInTheNotifierAndAPersonsNotificationsAreExportedOnRecord() throws Exception {
        Team team = team();
        String incident = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Instant reportedAt = Instant.parse("2033-03-01T08:00:00Z");
        Instant due = Instant.parse("2033-03-20T08:00:00Z");
        // the leader takes non-urgent notifications in a daily digest: the report's waits there, its mail unsent
        jdbc().sql("""
                insert into notifier.mail_preference (username, delivery, language, updated_at)
                values (?, 'DAILY_DIGEST', 'nl', now())""").param(team.leader).update();
        send(PublishedEventType.INCIDENT_REPORTED, incident,
                incidentReported(incident, team, reportedAt).replace("SERIOUS", "MINOR"));
        send(PublishedEventType.INCIDENT_REPORTED, other,
                incidentReported(other, team, reportedAt).replace("SERIOUS", "MINOR"));
        send(PublishedEventType.AFTERCARE_TALK_RECORDED, incident, """
                {"incidentId":"%s","teamId":"%s","step":"AFTERCARE_TALK","colleague":"%s","heldAt":"2033-03-02T08:00:00Z",
                 "outcome":"HELD","needsMoreHelp":true}""".formatted(incident, team.id, team.staff));
        send(PublishedEventType.TASK_SCHEDULED, incident, task(incident + ":action-a1", incident, team,
                "FOLLOW_UP_ACTION", null, team.staff, reportedAt.plus(Duration.ofDays(1)), "2033-04-10T08:00:00Z"));
        handled(send(PublishedEventType.TASK_SCHEDULED, incident, task(incident + ":first-check-in", incident, team,
                "FIRST_CHECK_IN", "TEAM_LEADER", null, Instant.parse("2033-03-02T08:05:00Z"), due.toString())));
        // the check-in's reminder names the colleague
        assertThat(reminders.sendDue(due.minus(Duration.ofHours(20)))).isEqualTo(2);
        // a record of the incident that could not be read, kept for the administrator
        jdbc().sql("""
                insert into notifier.dead_letter (dlt_topic, dlt_partition, dlt_offset, record_key, record_value,
                    headers, received_at)
                values ('incident-events.DLT', 0, ?, ?, ?, '[]', now())""")
                .params(System.nanoTime(), incident, ("{\"reportedBy\":\"" + team.staff + "\"}").getBytes(StandardCharsets.UTF_8))
                .update();
        // the leaders: the report, the check-in's task and its reminder; the staff member: the action
        assertThat(rowsOfIncident("notification", incident)).isEqualTo(7);
        assertThat(jdbc().sql("select count(*) from notifier.notification where incident_id = ? and colleague_name = ?")
                .params(incident, "Medewerker " + team.suffix).query(Long.class).single()).as("naming the colleague")
                .isEqualTo(2);
        assertThat(jdbc().sql("""
                        select count(*) from notifier.notification
                         where incident_id = ? and recipient_username = ? and mail_status = 'PENDING'""")
                .params(incident, team.leader).query(Long.class).single()).as("waiting for the digest").isEqualTo(3);

        String erased = send(PublishedEventType.PERSONAL_DATA_ERASED, incident, """
                {"incidentId":"%s","teamId":"%s","erasedAt":"2039-03-01T00:00:00Z"}""".formatted(incident, team.id));
        handled(erased);

        for (String table : List.of("notification", "open_task", "aftercare_talk", "reported_incident")) {
            assertThat(rowsOfIncident(table, incident)).as(table).isZero();
        }
        assertThat(jdbc().sql("select count(*) from notifier.dead_letter where record_key = ?").param(incident)
                .query(Long.class).single()).isZero();
        assertThat(notifications(team.leader)).as("the other incident's stays").containsExactly("NEW_INCIDENT link=INCIDENT");
        assertThat(reminders.sendDue(due.minus(Duration.ofHours(3)))).as("no more reminders").isZero();
        // delivered again: nothing changes, nothing fails
        resend(erased, PublishedEventType.PERSONAL_DATA_ERASED, incident, """
                {"incidentId":"%s","teamId":"%s","erasedAt":"2039-03-01T00:00:00Z"}""".formatted(incident, team.id));
        handled(send(PublishedEventType.INCIDENT_REPORTED, UUID.randomUUID().toString(),
                incidentReported(UUID.randomUUID().toString(), team, reportedAt).replace("SERIOUS", "MINOR")));
        assertThat(rowsOfIncident("notification", incident)).isZero();

        // the export of a person's notifications: the prevention officer's, on record
        VwUser officer = new VwUser(team.officer, "Preventie", team.officer + "@test.local", "{noop}x", true,
                Set.of(Role.PREVENTION_OFFICER), Set.of(), Set.of());
        long before = exportsOnRecord();
        mvc.perform(get("/api/privacy/export").param("person", team.leader).with(user(officer))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(jsonPath("$.person").value(team.leader))
                .andExpect(jsonPath("$.notifications.length()").value(2))
                .andExpect(jsonPath("$.notifications[*].incidentId", hasItem(other)))
                .andExpect(jsonPath("$.notifications[*].incidentId", not(hasItem(incident))))
                .andExpect(jsonPath("$.mailPreference.delivery").value("DAILY_DIGEST"));
        assertThat(exportsOnRecord()).isEqualTo(before + 1);
        mvc.perform(get("/api/privacy/export").param("person", "nobody-" + team.suffix).with(user(officer))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notifications.length()").value(0));
        mvc.perform(get("/api/privacy/export").param("person", " ").with(user(officer))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("\"field\":\"person\"")));
        VwUser leader = new VwUser(team.leader, "Leider", team.leader + "@test.local", "{noop}x", true,
                Set.of(Role.TEAM_LEADER), Set.of(new TeamId(team.id)), Set.of(new TeamId(team.id)));
        mvc.perform(get("/api/privacy/export").param("person", team.leader).with(user(leader))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isForbidden());
        assertThat(exportsOnRecord()).isEqualTo(before + 2);
    }

    private long rowsOfIncident(String table, String incident) {
        return jdbc().sql("select count(*) from notifier." + table + " where incident_id = ?").param(incident)
                .query(Long.class).single();
    }

    private long exportsOnRecord() {
        return jdbc().sql("select count(*) from audit.audit_log where action = 'PERSONAL_DATA_EXPORT'")
                .query(Long.class).single();
    }

    private record Team(String id, String name, String suffix, String leader, String secondLeader, String staff,
                        String peer, String officer) {
    }

    /** A fresh team: two leaders, a staff member, a peer supporter, and a prevention officer (organisation-wide). */
    private Team team() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TeamId id = new TeamId("team-" + suffix);
        String name = "Team " + suffix;
        accounts.saveTeam(id, name);
        Team team = new Team(id.value(), name, suffix, "leader-" + suffix, "leader2-" + suffix, "staff-" + suffix,
                "peer-" + suffix, "officer-" + suffix);
        account(team.leader, "Leider " + suffix, Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(id), Set.of(id));
        account(team.secondLeader, "Tweede leider " + suffix, Set.of(Role.TEAM_LEADER), Set.of(id), Set.of(id));
        account(team.staff, "Medewerker " + suffix, Set.of(Role.STAFF), Set.of(id), Set.of());
        account(team.peer, "Opvang " + suffix, Set.of(Role.STAFF, Role.PEER_SUPPORTER), Set.of(id), Set.of());
        account(team.officer, "Preventie " + suffix, Set.of(Role.PREVENTION_OFFICER), Set.of(), Set.of());
        new DirectoryTopic(kafka, jdbc()).tellNotifier(team.leader, team.secondLeader, team.staff, team.peer, team.officer);
        return team;
    }

    /** The account's language changed in the directory, and the notifier heard of it. */
    private void speaksEnglish(String username) throws Exception {
        jdbc().sql("update identity.account set language = 'en' where username = ?").param(username).update();
        var user = accounts.find(username).orElseThrow();
        accounts.saveAccount(username, user.displayName(), user.email(), user.getPassword(), user.roles(),
                user.memberOf(), user.leads());
        new DirectoryTopic(kafka, jdbc()).tellNotifier(username);
    }

    private void account(String username, String name, Set<Role> roles, Set<TeamId> memberOf, Set<TeamId> leads) {
        accounts.saveAccount(username, name, username + "@test.local", "{noop}" + PASSWORD, roles, memberOf, leads);
    }

    private static String incidentReported(String incident, Team team, Instant reportedAt) {
        return """
                {"incidentId":"%s","teamId":"%s","reportedBy":"%s","reportedAt":"%s","occurredAt":"2025-06-02T11:00:00Z",
                 "setting":"OFFICE","kinds":["THREAT"],"severity":"SERIOUS","supportWanted":true}"""
                .formatted(incident, team.id, team.staff, reportedAt);
    }

    private static String task(String taskId, String incident, Team team, String step, String role, String assignee,
                               Instant scheduledAt, String dueAt) {
        return """
                {"taskId":"%s","incidentId":"%s","teamId":"%s","step":"%s","assigneeRole":%s,"assignee":%s,
                 "scheduledAt":"%s","dueAt":"%s"}""".formatted(taskId, incident, team.id, step,
                role == null ? "null" : "\"" + role + "\"", assignee == null ? "null" : "\"" + assignee + "\"",
                scheduledAt, dueAt);
    }

    /** Publishes a record with a fresh {@code ce_id}, and returns that id. */
    private String send(PublishedEventType type, String incident, String value) throws Exception {
        String eventId = UUID.randomUUID().toString();
        resend(eventId, type, incident, value);
        return eventId;
    }

    private void resend(String eventId, PublishedEventType type, String incident, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(PublishedEventType.TOPIC, incident, value);
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", PublishedEventType.SOURCE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_subject", incident.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get(10, TimeUnit.SECONDS);
    }

    /** Waits until the event is handled: one partition, so every record sent before it has been handled too. */
    private void handled(String eventId) {
        await().atMost(WAIT).until(() -> jdbc().sql("select count(*) from notifier.processed_event where event_id = ?")
                .param(eventId).query(Long.class).single() == 1);
    }

    /** A person's notifications, each as "KIND [STEP] [urgent] [tasks=n] link=TARGET". */
    private List<String> notifications(String username) {
        return jdbc().sql("select kind, step, urgent, task_count, link from notifier.notification where recipient_username = ?")
                .param(username)
                .query((rs, i) -> rs.getString("kind")
                        + (rs.getString("step") == null ? "" : " " + rs.getString("step"))
                        + (rs.getBoolean("urgent") ? " urgent" : "")
                        + (rs.getInt("task_count") == 0 ? "" : " tasks=" + rs.getInt("task_count"))
                        + " link=" + rs.getString("link"))
                .list();
    }

    private static List<String> subjects(String username) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : mailsTo(username)) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }

    private static List<MimeMessage> mailsTo(String username) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(username + "@test.local"))) {
                found.add(message);
            }
        }
        return found;
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
