package nl.veiligwerken.notifier.notifications;

/** Where a notification's mail is: waiting in the outbox, accepted by the SMTP server, or never sendable. */
public enum MailStatus {
    PENDING,
    SENT,
    /**
     * The mail could not even be composed or built (e.g. a step without a text, an address that does not
     * parse); retrying would fail the same way, so it is not retried.
     */
    FAILED
}
