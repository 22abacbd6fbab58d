package nl.veiligwerken.api.aftercare;

/** Where the colleague was referred for more help. */
public enum Referral {
    COMPANY_DOCTOR,
    VICTIM_SUPPORT,
    PSYCHOLOGIST,
    OTHER
}
