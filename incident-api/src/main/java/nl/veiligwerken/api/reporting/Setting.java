package nl.veiligwerken.api.reporting;

/** Where the incident happened. */
public enum Setting {
    OFFICE,
    CLIENT_HOME,
    OUTREACH,
    PHONE,
    ONLINE
}
