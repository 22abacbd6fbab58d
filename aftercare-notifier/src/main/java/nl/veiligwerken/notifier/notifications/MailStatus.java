package nl.veiligwerken.notifier.notifications;

/** Where a notification's mail is: waiting in the outbox, accepted by the SMTP server, or never sendable. */
public enum MailStatus {
    PENDING,
    SENT,
    /** The mail could not even be built (e.g. an address that does not parse); retrying would not help. */
    FAILED
}
