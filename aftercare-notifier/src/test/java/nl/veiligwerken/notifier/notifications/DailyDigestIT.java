package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.recipients.Recipients;
import nl.veiligwerken.api.directory.AccountSaved;
import nl.veiligwerken.notifier.recipients.TeamDirectory;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.notifier.TestMailServer;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.test.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mail settings and the daily digest against a real PostgreSQL and a GreenMail SMTP server. The outbox and the
 * digest are driven by calling them, on a database of this class's own (as {@link MailOutboxIT}): the scheduled
 * runs happen once at start-up, on empty tables. Every test has its own person.
 */
@SpringBootTest(properties = {
        "veilig-werken.notifier.mail.interval=1h",
        "veilig-werken.notifier.mail.first-retry=100ms",
        "veilig-werken.notifier.mail.max-retry=200ms",
        "veilig-werken.notifier.digest.check=1h",
        "veilig-werken.notifier.digest.at=07:30",
        "veilig-werken.links.query=http://query.test",
        "veilig-werken.links.notifier=http://notifier.test",
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.admin.auto-create=false",
        "spring.mail.host=127.0.0.1"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = MailOutboxIT.OwnDatabase.class)
class DailyDigestIT {

    private static final int SMTP_PORT = FreePorts.next();
    /** 12:00 in Amsterdam: before the next morning's digest at 07:30. */
    private static final Instant TOLD = Instant.parse("2025-06-02T10:00:00Z");
    /** 08:00 the next morning in Amsterdam: that day's digest is due. */
    private static final Instant NEXT_MORNING = Instant.parse("2025-06-03T06:00:00Z");

    @RegisterExtension
    static final GreenMailExtension greenMail = TestMailServer.smtpOn(SMTP_PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MailOutbox outbox;
    @Autowired
    DailyDigest digest;
    @Autowired
    NotificationRepository repository;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    TeamDirectory directory;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;

    @Test
    void settingsDefaultToEachMessageInTheAccountsLanguageAndAreOnlyOnesOwn() throws Exception {
        String person = person("en");

        mvc.perform(get("/api/notifications/preferences").with(httpBasic(person, "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivery").value("EACH_MESSAGE"))
                .andExpect(jsonPath("$.language").value("en"));
        mvc.perform(put("/api/notifications/preferences").with(httpBasic(person, "secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"delivery\":\"WEEKLY\",\"language\":\"nl\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("delivery"));
        // a number is not a choice (Jackson would read 0 as the first constant, EACH_MESSAGE, and store it)
        mvc.perform(put("/api/notifications/preferences").with(httpBasic(person, "secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"delivery\":1,\"language\":\"nl\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/notifications/preferences").with(httpBasic(person, "secret")))
                .andExpect(jsonPath("$.delivery").value("EACH_MESSAGE"))
                .andExpect(jsonPath("$.language").value("en"));
        mvc.perform(put("/api/notifications/preferences").with(httpBasic(person, "secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"delivery\":\"DAILY_DIGEST\",\"language\":\"fr\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
        mvc.perform(put("/api/notifications/preferences").with(httpBasic(person, "secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"delivery\":\"DAILY_DIGEST\",\"language\":\"nl\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivery").value("DAILY_DIGEST"));
        mvc.perform(get("/api/notifications/preferences").with(httpBasic(person, "secret")))
                .andExpect(jsonPath("$.delivery").value("DAILY_DIGEST"))
                .andExpect(jsonPath("$.language").value("nl"));

        // the page: the choice shown, a bad value re-shown with its message in Dutch, no change without CSRF token
        var signedIn = user(accounts.find(person).orElseThrow());
        mvc.perform(get("/notifications/preferences").with(signedIn).locale(Locale.forLanguageTag("nl")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<legend>E-mail over berichten</legend>")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<input(?=[^>]*value=\"DAILY_DIGEST\")(?=[^>]*checked)[^>]*>.*")));
        mvc.perform(post("/notifications/preferences").with(signedIn).with(csrf()).locale(Locale.forLanguageTag("nl"))
                        .param("delivery", "WEEKLY").param("language", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"delivery-error\"")))
                .andExpect(content().string(containsString("Kies een van de mogelijkheden.")));
        mvc.perform(post("/notifications/preferences").with(signedIn)
                        .param("delivery", "EACH_MESSAGE").param("language", "nl"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/notifications/preferences").with(signedIn).with(csrf())
                        .param("delivery", "EACH_MESSAGE").param("language", "en"))
                .andExpect(redirectedUrl("/notifications/preferences"));
        mvc.perform(get("/api/notifications/preferences").with(httpBasic(person, "secret")))
                .andExpect(jsonPath("$.delivery").value("EACH_MESSAGE"))
                .andExpect(jsonPath("$.language").value("en"));
    }

    @Test
    void onTheDigestNonUrgentNotificationsWaitForOneDigestWhileUrgentOnesGoAtOnce() throws Exception {
        String person = onDigest();
        long first = notification(person, "Team Noord", false, TOLD);
        long urgent = notification(person, "Team Zuid", true, TOLD.plusSeconds(60));
        long second = notification(person, "Team West", false, TOLD.plusSeconds(120));

        outbox.sendDue();

        assertThat(mailsTo(person)).as("only the urgent one, at once").hasSize(1);
        assertThat(GreenMailUtil.getBody(mailsTo(person).get(0))).contains("Team Zuid");
        assertThat(mailStatus(urgent)).isEqualTo("SENT");
        assertThat(mailStatus(first)).isEqualTo("PENDING");
        assertThat(mailStatus(second)).isEqualTo("PENDING");
        assertThat(digest.digestAt(TOLD.plusSeconds(3600))).as("not before the next morning's digest time").isZero();

        assertThat(digest.digestAt(NEXT_MORNING)).isEqualTo(1);
        assertThat(digest.digestAt(NEXT_MORNING.plusSeconds(60))).as("run twice: nothing new").isZero();
        outbox.sendDue();
        outbox.sendDue();

        List<MimeMessage> mails = mailsTo(person);
        assertThat(mails).hasSize(2);
        MimeMessage digestMail = mails.get(1);
        assertThat(digestMail.getSubject()).isEqualTo("Samenvatting: 2 nieuwe berichten");
        assertThat(GreenMailUtil.getBody(digestMail))
                .contains("Team Noord", "Team West", "Nieuwe taak: collegiale eerste opvang",
                        "http://query.test/tasks?team=team-", "http://notifier.test/notifications/preferences")
                .doesNotContain("Team Zuid")
                .doesNotContain("incident-" + person);
        assertThat(mailStatus(first)).isEqualTo("DIGESTED");
        assertThat(mailStatus(second)).isEqualTo("DIGESTED");
        assertThat(jdbc().sql("select mail_status from notifier.digest_mail where recipient_username = ?")
                .param(person).query(String.class).list()).containsExactly("SENT");
    }

    @Test
    void aDigestWaitsWhileTheSmtpServerIsDownAndIsSentOnceWhenItIsBack() throws Exception {
        while (outbox.sendDue() > 0) {
            // other tests' mails go first, so that the digest is the mail the outage hits
        }
        String person = onDigest();
        notification(person, "Team Oost", false, TOLD);
        assertThat(digest.digestAt(NEXT_MORNING)).isEqualTo(1);

        greenMail.stop();
        try {
            assertThat(outbox.sendDue()).isZero();
            assertThat(jdbc().sql("select mail_status || ':' || mail_attempts from notifier.digest_mail"
                    + " where recipient_username = ? and last_mail_error is not null").param(person)
                    .query(String.class).list()).containsExactly("PENDING:1");
        } finally {
            greenMail.start();
        }

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            outbox.sendDue();
            return "SENT".equals(jdbc().sql("select mail_status from notifier.digest_mail where recipient_username = ?")
                    .param(person).query(String.class).single());
        });
        outbox.sendDue();
        assertThat(digest.digestAt(NEXT_MORNING.plusSeconds(3600))).isZero();
        assertThat(mailsTo(person)).hasSize(1);
        assertThat(mailsTo(person).get(0).getSubject()).isEqualTo("Samenvatting: 1 nieuw bericht");
    }

    @Test
    void theHeaderOfEveryPageCountsTheUnreadNotificationsFromTheNotifiersView() throws Exception {
        String person = person("nl");
        var signedIn = user(accounts.find(person).orElseThrow());
        long first = notification(person, "Team Noord", false, TOLD);
        notification(person, "Team Zuid", false, TOLD);

        mvc.perform(get("/notifications").with(signedIn).locale(Locale.forLanguageTag("nl")))
                .andExpect(content().string(containsString("<span aria-hidden=\"true\">2</span>")))
                .andExpect(content().string(containsString("<span class=\"visually-hidden\">2 ongelezen berichten</span>")));
        mvc.perform(post("/notifications/" + first + "/read").with(signedIn).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        mvc.perform(get("/notifications/preferences").with(signedIn).locale(Locale.forLanguageTag("nl")))
                .andExpect(content().string(containsString("1 ongelezen bericht<")));
        mvc.perform(get("/notifications").with(signedIn).locale(Locale.ENGLISH))
                .andExpect(content().string(containsString("1 unread message<")));

        String nobody = person("nl");
        mvc.perform(get("/notifications").with(user(accounts.find(nobody).orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("visually-hidden"))));
    }

    /** A fresh person with password "secret", account language {@code language}. */
    private String person(String language) throws Exception {
        String username = "digest-" + UUID.randomUUID().toString().substring(0, 8);
        TeamId team = new TeamId("team-" + username);
        accounts.saveTeam(team, "Team " + username);
        accounts.saveAccount(username, "Naam " + username, username + "@test.local", "{noop}secret",
                Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(team), Set.of(team));
        jdbc().sql("update identity.account set language = ? where username = ?").params(language, username).update();
        // no broker here: the notifier's copy of the directory learns the account as its listener would apply it
        directory.apply(System.nanoTime(), new AccountSaved(username, "Naam " + username, username + "@test.local",
                language, true, Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(team), Set.of(team)));
        return username;
    }

    private String onDigest() throws Exception {
        String person = person("nl");
        mvc.perform(put("/api/notifications/preferences").with(httpBasic(person, "secret"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"delivery\":\"DAILY_DIGEST\",\"language\":\"nl\"}"))
                .andExpect(status().isOk());
        return person;
    }

    private long notification(String username, String teamName, boolean urgent, Instant told) {
        long id = new TransactionTemplate(transactions).execute(status -> {
            String eventId = UUID.randomUUID().toString();
            jdbc().sql("insert into notifier.processed_event (event_id, event_type, processed_at) values (?, 'test', now())")
                    .param(eventId).update();
            return repository.save(Notification.taskScheduled(eventId,
                    new Recipients.Recipient(username, "Naam " + username, username + "@test.local", "nl"),
                    "team-" + username, teamName, "incident-" + username, "task-" + UUID.randomUUID(),
                    ProtocolStep.FIRST_SUPPORT, told.plus(Duration.ofDays(1)), told)).id();
        });
        if (urgent) {
            jdbc().sql("update notifier.notification set urgent = true where id = ?").param(id).update();
        }
        return id;
    }

    private String mailStatus(long id) {
        return jdbc().sql("select mail_status from notifier.notification where id = ?").param(id)
                .query(String.class).single();
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
