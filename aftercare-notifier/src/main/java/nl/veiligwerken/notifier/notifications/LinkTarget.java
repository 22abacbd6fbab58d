package nl.veiligwerken.notifier.notifications;

/**
 * Where a notification's link leads, chosen for the person it goes to: a page they may open, behind sign-in,
 * that shows what the mail deliberately does not.
 */
public enum LinkTarget {
    /** The team's task list on the query service: for team leaders. */
    TASK_LIST,
    /** The incident's page on the query service: for the leaders and the prevention officer. */
    INCIDENT,
    /** The form of the task's step on the command service: for a named owner or a peer supporter. */
    STEP_FORM,
    /** The reporter's own reports with their feedback, on the query service. */
    MY_REPORTS,
    /** The team's compliance figures: for management, which sees no single incident. */
    COMPLIANCE
}
