package nl.veiligwerken.notifier.preferences;

/** How a person receives the mails of their non-urgent notifications; urgent ones always go at once. */
public enum MailDelivery {
    /** One mail per notification, at once (the default). */
    EACH_MESSAGE,
    /** One mail a day listing them, at {@code veilig-werken.notifier.digest.at}. */
    DAILY_DIGEST
}
