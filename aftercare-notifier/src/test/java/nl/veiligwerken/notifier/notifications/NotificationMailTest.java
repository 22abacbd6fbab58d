package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.notifier.NotifierProperties;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.PlatformProperties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.SimpleMailMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationMailTest {

    private static final NotifierProperties PROPERTIES = new NotifierProperties("noreply@test.local",
            new NotifierProperties.Mail(Duration.ofSeconds(2), 20, Duration.ofSeconds(10), Duration.ofMinutes(15),
                    Duration.ofMinutes(5)),
            new NotifierProperties.Events(3, Duration.ofMillis(200), 3, 1, Duration.ofSeconds(30)));

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final NotificationMail mails = new NotificationMail(messages(), PROPERTIES,
            new PlatformProperties(List.of("identity"),
                    new PlatformProperties.Links("http://command.test", "http://query.test", "http://notifier.test"),
                    AMSTERDAM),
            new OrganisationTime(AMSTERDAM, Clock.systemUTC()), username -> java.util.Optional.empty());

    @Test
    void dutchMailNamesTheTaskAndDueTimeInAmsterdamAndLinksToTheTaskList() {
        SimpleMailMessage mail = mails.compose(notification("nl", Instant.parse("2025-06-03T12:30:00Z")));

        assertThat(mail.getTo()).containsExactly("mark@test.local");
        assertThat(mail.getFrom()).isEqualTo("noreply@test.local");
        assertThat(mail.getSubject()).isEqualTo("Nieuwe taak: collegiale eerste opvang");
        assertThat(mail.getText())
                .contains("Beste Mark Jansen")
                .contains("team Ambulant team Noord")
                .contains("3 juni 2025")
                .contains("14:30") // 12:30 UTC is 14:30 summer time in Amsterdam
                .contains("http://query.test/tasks?team=ambulant%20noord")
                .doesNotContain("incident-42")
                .doesNotContain("task-7");
    }

    @Test
    void englishMailForAnEnglishSpeakingRecipient() {
        SimpleMailMessage mail = mails.compose(notification("en", Instant.parse("2025-01-10T08:00:00Z")));

        assertThat(mail.getSubject()).isEqualTo("New task: collegial first support");
        assertThat(mail.getText()).contains("Dear Mark Jansen").contains("January 10, 2025").contains("9:00");
    }

    @Test
    void theLanguageAPersonChoseForTheirMailsWinsOverTheirAccounts() {
        NotificationMail chosen = new NotificationMail(messages(), PROPERTIES,
                new PlatformProperties(List.of("identity"),
                        new PlatformProperties.Links("http://command.test", "http://query.test", "http://notifier.test"),
                        AMSTERDAM),
                new OrganisationTime(AMSTERDAM, Clock.systemUTC()),
                username -> java.util.Optional.of("en").filter(l -> username.equals("mark")));

        assertThat(chosen.compose(notification("nl", Instant.parse("2025-01-10T08:00:00Z"))).getSubject())
                .isEqualTo("New task: collegial first support");
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheMaximum() {
        MailOutbox outbox = new MailOutbox(null, mails, null, null, null, PROPERTIES, null, null);

        assertThat(outbox.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(outbox.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(outbox.backoff(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(outbox.backoff(50)).isEqualTo(Duration.ofMinutes(15));
    }

    private static Notification notification(String language, Instant dueAt) {
        return Notification.taskScheduled("event-1",
                new Notification.Recipient("mark", "Mark Jansen", "mark@test.local", language),
                "ambulant noord", "Ambulant team Noord", "incident-42", "task-7", ProtocolStep.FIRST_SUPPORT,
                dueAt, Instant.parse("2025-06-03T10:00:00Z"));
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/platform", "messages/notifier");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
