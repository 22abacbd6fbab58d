package nl.veiligwerken.api.protocol;

/**
 * The steps of the protocol agreements that become tasks with a deadline, in the order of the incident's life.
 * {@link #FOLLOW_UP_ACTION} stands for every follow-up action, each its own task with its own owner and due time.
 */
public enum ProtocolStep {
    LABOUR_INSPECTORATE,
    FIRST_SUPPORT,
    AFTERCARE_TALK,
    AGGRESSOR_RESPONSE,
    FEEDBACK,
    INCIDENT_ANALYSIS,
    FIRST_CHECK_IN,
    SECOND_CHECK_IN,
    FOLLOW_UP_ACTION;

    /** The talks with the colleague after the incident, in the order they are held. */
    public boolean isAftercare() {
        return this == AFTERCARE_TALK || this == FIRST_CHECK_IN || this == SECOND_CHECK_IN;
    }

    /** Steps the organisation's agreements set (who, when, for what); follow-up actions get theirs when planned. */
    public boolean isAgreed() {
        return this != FOLLOW_UP_ACTION;
    }
}
