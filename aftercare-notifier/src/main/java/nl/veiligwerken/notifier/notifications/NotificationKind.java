package nl.veiligwerken.notifier.notifications;

/** Why someone is told something; decides the texts of the mail and the page. */
public enum NotificationKind {
    TASK_SCHEDULED
}
