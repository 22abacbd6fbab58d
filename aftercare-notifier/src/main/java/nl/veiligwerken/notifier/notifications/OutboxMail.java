package nl.veiligwerken.notifier.notifications;

import java.time.Instant;

/**
 * A row that carries one mail through the {@link MailOutbox}: a notification's own mail, or a daily digest. Only
 * the outbox changes this state, always on a row it has locked.
 */
interface OutboxMail {

    Long id();

    MailStatus mailStatus();

    int mailAttempts();

    /** Keeps other senders off this mail until {@code until}. */
    void leaseUntil(Instant until);

    void mailSent(Instant now);

    void mailFailed(Instant retryAt, String error);

    void mailUnsendable(String error);
}
