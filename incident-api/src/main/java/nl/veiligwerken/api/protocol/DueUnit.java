package nl.veiligwerken.api.protocol;

/** How a due time is counted: hours, calendar days, or working days (Monday to Friday, not on public holidays). */
public enum DueUnit {
    HOURS,
    DAYS,
    WORKING_DAYS
}
