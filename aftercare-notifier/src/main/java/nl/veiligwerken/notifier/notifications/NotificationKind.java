package nl.veiligwerken.notifier.notifications;

/** Why someone is told something; decides the texts of the mail and the page. */
public enum NotificationKind {
    /** A new report for the team's leaders; stands for the report's own tasks as well (see {@code taskCount}). */
    NEW_INCIDENT,
    /** A leader asked this peer supporter to give collegial first support. */
    PEER_SUPPORT_ASSIGNED,
    /** A task for its owner, other than the ones a new report brings (those are in {@link #NEW_INCIDENT}). */
    TASK_SCHEDULED,
    /** A reminder before an open task's due time. */
    TASK_DUE_SOON,
    /** The reminder of an aftercare check-in: with the colleague's name and the signal of the earlier talk. */
    CHECK_IN_DUE,
    /** The owner's task passed its due time without being done. */
    TASK_OVERDUE,
    /** Someone else's task passed its due time; the agreements make this person hear of it. */
    TASK_ESCALATED,
    /** The reporter was given feedback on their report. */
    FEEDBACK_GIVEN
}
