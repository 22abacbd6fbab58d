package nl.veiligwerken.api.reporting;

/** The kinds of aggression a report can name; more than one may apply. */
public enum AggressionKind {
    VERBAL_ABUSE,
    THREAT,
    INTIMIDATION,
    PHYSICAL_VIOLENCE,
    SEXUAL_HARASSMENT,
    DISCRIMINATION,
    PROPERTY_DAMAGE,
    ONLINE_HARASSMENT,
    MANIPULATION
}
