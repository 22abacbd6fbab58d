package nl.veiligwerken.notifier.notifications;

import java.time.Instant;

/**
 * A row that carries one mail through the {@link MailOutbox}: a notification's own mail, or a daily digest. Only
 * the outbox changes this state, always on a row it has locked.
 */
interface OutboxMail {

    Long id();

    MailDelivery mail();

    default MailStatus mailStatus() {
        return mail().status();
    }

    default int mailAttempts() {
        return mail().attempts();
    }

    /** Keeps other senders off this mail until {@code until}. */
    default void leaseUntil(Instant until) {
        mail().leaseUntil(until);
    }

    default void mailSent(Instant now) {
        mail().sent(now);
    }

    default void mailFailed(Instant retryAt, String error) {
        mail().failed(retryAt, error);
    }

    default void mailUnsendable(String error) {
        mail().unsendable(error);
    }
}
