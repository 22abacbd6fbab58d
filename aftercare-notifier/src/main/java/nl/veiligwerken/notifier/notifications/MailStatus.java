package nl.veiligwerken.notifier.notifications;

/**
 * Where a mail is: waiting in the outbox, accepted by the SMTP server, never sendable, or (a notification's only)
 * handed to a daily digest.
 */
public enum MailStatus {
    PENDING,
    SENT,
    /**
     * The mail could not even be composed or built (e.g. a step without a text, an address that does not
     * parse); retrying would fail the same way, so it is not retried.
     */
    FAILED,
    /** Not mailed on its own: it went into the recipient's daily digest, which is an outbox row of its own. */
    DIGESTED
}
