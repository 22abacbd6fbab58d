package nl.veiligwerken.query.queries;

/** The kinds of step a timeline shows, one for each event of the incident's life. */
public enum TimelineEntryType {
    REPORTED,
    AMENDED,
    TASK_SCHEDULED,
    PEER_SUPPORTER_ASSIGNED,
    FIRST_SUPPORT_OFFERED,
    AFTERCARE_TALK,
    AGGRESSOR_RESPONSE,
    ACTION_PLANNED,
    ACTION_COMPLETED,
    FEEDBACK_GIVEN,
    ANALYSED,
    LABOUR_INSPECTORATE_NOTIFIED,
    TASK_COMPLETED,
    TASK_OVERDUE,
    TASK_WITHDRAWN,
    CLOSED,
    REOPENED
}
