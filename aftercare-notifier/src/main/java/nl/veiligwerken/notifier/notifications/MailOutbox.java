package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.NotifierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the mails of pending notifications. Runs on a schedule rather than in the Kafka listener, so an SMTP
 * outage neither blocks the event stream nor loses a mail: a failed attempt only moves the next one further out.
 * A mail may be sent twice if the database fails right after the SMTP server accepted it; never zero times.
 */
@Component
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final NotificationRepository repository;
    private final NotificationMail mails;
    private final JavaMailSender sender;
    private final NotifierProperties.Mail settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailOutbox(NotificationRepository repository, NotificationMail mails, JavaMailSender sender,
               NotifierProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.mails = mails;
        this.sender = sender;
        this.settings = properties.mail();
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Sends what is due; returns how many mails the SMTP server accepted. */
    public int sendDue() {
        Integer sent = transaction.execute(status -> {
            int accepted = 0;
            List<Notification> due = repository.claimDueMails(clock.instant(), settings.batchSize());
            for (Notification n : due) {
                try {
                    sender.send(mails.compose(n));
                    n.mailSent(clock.instant());
                    accepted++;
                } catch (MailParseException | MailPreparationException e) {
                    log.error("Mail for notification {} cannot be built; giving up on it", n.id(), e);
                    n.mailUnsendable(e.getMessage());
                } catch (MailException e) {
                    Instant retryAt = clock.instant().plus(backoff(n.mailAttempts() + 1));
                    log.warn("Mail for notification {} not sent (attempt {}), next attempt at {}: {}",
                            n.id(), n.mailAttempts() + 1, retryAt, e.getMessage());
                    n.mailFailed(retryAt, e.getMessage());
                    // the server is most likely down: the rest of the batch waits for the next run untouched
                    break;
                }
            }
            return accepted;
        });
        return sent == null ? 0 : sent;
    }

    /** Doubles with every failed attempt, up to the configured maximum. */
    Duration backoff(int failedAttempts) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < failedAttempts && wait.compareTo(settings.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }
}
