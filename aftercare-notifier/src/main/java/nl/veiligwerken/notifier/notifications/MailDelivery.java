package nl.veiligwerken.notifier.notifications;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/**
 * The state of one mail on its way through the {@link MailOutbox}, kept in the columns of the row that carries
 * it (a notification's own mail, or a daily digest): pending until an SMTP server accepted it, retried after a
 * failure, FAILED when it can never be built.
 */
@Embeddable
class MailDelivery {

    private static final int MAX_ERROR = 1000;

    @Enumerated(EnumType.STRING)
    private MailStatus mailStatus;

    private int mailAttempts;
    private Instant nextAttemptAt;
    private Instant mailSentAt;
    private String lastMailError;

    protected MailDelivery() {
        // for JPA
    }

    static MailDelivery pending(Instant now) {
        MailDelivery mail = new MailDelivery();
        mail.mailStatus = MailStatus.PENDING;
        mail.nextAttemptAt = now;
        return mail;
    }

    /** Keeps other senders off this mail until {@code until}. */
    void leaseUntil(Instant until) {
        nextAttemptAt = until;
    }

    void sent(Instant now) {
        mailAttempts++;
        mailStatus = MailStatus.SENT;
        mailSentAt = now;
        lastMailError = null;
    }

    void failed(Instant retryAt, String error) {
        mailAttempts++;
        nextAttemptAt = retryAt;
        lastMailError = shorten(error);
    }

    void unsendable(String error) {
        mailAttempts++;
        mailStatus = MailStatus.FAILED;
        lastMailError = shorten(error);
    }

    MailStatus status() {
        return mailStatus;
    }

    int attempts() {
        return mailAttempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Instant sentAt() {
        return mailSentAt;
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
