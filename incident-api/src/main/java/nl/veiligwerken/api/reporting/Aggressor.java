package nl.veiligwerken.api.reporting;

/** Who the aggression came from. When known, the protocol wants a response to the aggressor. */
public enum Aggressor {
    CLIENT,
    CLIENT_RELATIVE,
    OTHER_PERSON,
    UNKNOWN;

    public boolean isKnown() {
        return this != UNKNOWN;
    }
}
