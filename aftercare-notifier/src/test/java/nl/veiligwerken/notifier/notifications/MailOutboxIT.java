package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.recipients.Recipients;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.notifier.TestMailServer;
import nl.veiligwerken.platform.test.FreePorts;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.NoSuchMessageException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The outbox against a real PostgreSQL and a GreenMail SMTP server, driven by calling {@link MailOutbox#sendDue()}
 * directly. It has a database of its own, so the scheduled outbox of another test context (which stays alive in
 * the context cache) cannot send these rows, and every test can start from an empty outbox. Kafka is not
 * started: the outbox does not need it.
 */
@SpringBootTest(properties = {
        // the scheduled run happens once at start-up, on an empty outbox; after that the tests drive it
        "veilig-werken.notifier.mail.interval=1h",
        "veilig-werken.notifier.mail.first-retry=100ms",
        "veilig-werken.notifier.mail.max-retry=200ms",
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.admin.auto-create=false",
        "spring.mail.host=127.0.0.1"})
@ContextConfiguration(initializers = MailOutboxIT.OwnDatabase.class)
class MailOutboxIT {

    private static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static final GreenMailExtension greenMail = TestMailServer.smtpOn(SMTP_PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MailOutbox outbox;

    @MockitoSpyBean
    NotificationMail mails;

    @Autowired
    NotificationRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void emptyOutbox() throws Exception {
        jdbc().sql("delete from notifier.notification").update();
        jdbc().sql("delete from notifier.processed_event").update();
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void aMailThatCannotBeComposedIsFailedWithoutUndoingOrRepeatingTheMailsAroundIt() throws Exception {
        Instant earlier = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        long first = pending("first", earlier);
        long second = pending("second", earlier.plusSeconds(1));
        long third = pending("third", earlier.plusSeconds(2));
        // what happens when a protocol step has no notifications.step.* text
        doThrow(new NoSuchMessageException("notifications.step.FIRST_SUPPORT", Locale.forLanguageTag("nl")))
                .when(mails).compose(argThat(n -> n != null && n.id() == second));

        int[] accepted = new int[1];
        assertThatCode(() -> accepted[0] = outbox.sendDue()).doesNotThrowAnyException();

        assertThat(accepted[0]).isEqualTo(2);
        assertThat(row(first)).containsEntry("mail_status", "SENT").containsEntry("mail_attempts", 1);
        assertThat(row(third)).containsEntry("mail_status", "SENT").containsEntry("mail_attempts", 1);
        assertThat(row(second)).containsEntry("mail_status", "FAILED").containsEntry("mail_attempts", 1);
        assertThat((String) row(second).get("last_mail_error"))
                .startsWith("NoSuchMessageException")
                .contains("notifications.step.FIRST_SUPPORT");
        assertThat(mailsTo("first")).hasSize(1);
        assertThat(mailsTo("second")).isEmpty();
        assertThat(mailsTo("third")).hasSize(1);

        assertThat(outbox.sendDue()).as("a second run finds nothing to send").isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(row(second)).containsEntry("mail_status", "FAILED").containsEntry("mail_attempts", 1);
        verify(mails, times(3)).compose(any());
    }

    @Test
    void anSmtpOutageBacksOffTheMailItHitAndLeavesTheOthersUntouchedUntilTheServerIsBack() throws Exception {
        Instant earlier = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        long first = pending("outage-first", earlier);
        long second = pending("outage-second", earlier.plusSeconds(1));
        greenMail.stop();
        try {
            Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            assertThat(outbox.sendDue()).isZero();
            Instant after = Instant.now().plusMillis(1);

            Map<String, Object> hit = row(first);
            assertThat(hit).containsEntry("mail_status", "PENDING").containsEntry("mail_attempts", 1);
            assertThat(hit.get("last_mail_error")).isNotNull();
            assertThat(instant(hit, "next_attempt_at")).as("the first retry wait, not the lease")
                    .isBetween(before.plusMillis(100), after.plusMillis(100));
            Map<String, Object> untouched = row(second);
            assertThat(untouched).containsEntry("mail_status", "PENDING").containsEntry("mail_attempts", 0);
            assertThat(instant(untouched, "next_attempt_at")).as("not claimed, so not leased")
                    .isEqualTo(earlier.plusSeconds(1));
        } finally {
            greenMail.start();
        }

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            outbox.sendDue();
            return "SENT".equals(row(first).get("mail_status")) && "SENT".equals(row(second).get("mail_status"));
        });
        assertThat(mailsTo("outage-first")).hasSize(1);
        assertThat(mailsTo("outage-second")).hasSize(1);
    }

    @Test
    void sendersRunningAtTheSameTimeSendEveryMailOnce() throws Exception {
        Instant earlier = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            recipients.add("parallel-" + i);
            pending("parallel-" + i, earlier.plusMillis(i));
        }

        int senders = 3;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return outbox.sendDue();
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Integer> run : runs) {
                accepted += run.get(30, TimeUnit.SECONDS);
            }
            assertThat(accepted).isEqualTo(12);
        } finally {
            pool.shutdownNow();
        }

        for (String recipient : recipients) {
            assertThat(mailsTo(recipient)).as(recipient).hasSize(1);
        }
        assertThat(jdbc().sql("select count(*) from notifier.notification where mail_status = 'SENT' and mail_attempts = 1")
                .query(Long.class).single()).isEqualTo(12);
    }

    /** A pending notification for {@code username}, due since {@code dueSince}; returns its id. */
    private long pending(String username, Instant dueSince) {
        return new TransactionTemplate(transactions).execute(status -> {
            String eventId = UUID.randomUUID().toString();
            jdbc().sql("insert into notifier.processed_event (event_id, event_type, processed_at) values (?, 'test', now())")
                    .param(eventId).update();
            return repository.save(Notification.taskScheduled(eventId,
                    new Recipients.Recipient(username, "Name " + username, username + "@test.local", "nl"),
                    "team-1", "Team 1", "incident-1", "task-1", ProtocolStep.FIRST_SUPPORT,
                    Instant.parse("2025-06-03T12:30:00Z"), dueSince)).id();
        });
    }

    private Map<String, Object> row(long id) {
        return jdbc().sql("select * from notifier.notification where id = ?").param(id).query().singleRow();
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
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

    /** A fresh database in the shared embedded PostgreSQL, for this context alone. */
    static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            EmbeddedPostgres postgres = PostgresTestDatabase.postgres();
            String database = "outbox_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create database " + database);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            TestPropertyValues.of(
                    "spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres"
            ).applyTo(context);
        }
    }
}
