package nl.veiligwerken.api.reporting;

/** Severity as the reporter judges it; the protocol ties required steps to it. Ordered from least to most. */
public enum Severity {
    MINOR,
    MODERATE,
    SERIOUS,
    SEVERE;

    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
