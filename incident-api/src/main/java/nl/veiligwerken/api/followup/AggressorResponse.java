package nl.veiligwerken.api.followup;

/** How the organisation responds to the aggressor; more than one may apply. */
public enum AggressorResponse {
    CONVERSATION,
    LETTER,
    MEASURE,
    BAN,
    POLICE_REPORT,
    NO_RESPONSE
}
