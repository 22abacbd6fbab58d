package nl.veiligwerken.api.followup;

/**
 * What a follow-up action is about. A police report (aangifte) may be filed by the employer on the employee's
 * behalf; a preventive measure comes from the incident analysis.
 */
public enum FollowUpKind {
    AGGRESSOR_CONVERSATION,
    AGGRESSOR_LETTER,
    AGGRESSOR_MEASURE,
    POLICE_REPORT,
    PREVENTIVE_MEASURE,
    OTHER
}
