package nl.veiligwerken.platform.audit;

/** What was read: one incident's details, or a set of them taken away as a file. */
public enum AuditAction {
    /** An incident's report and timeline: its page, or its JSON. */
    INCIDENT_READ,
    /** An incident's timeline as JSON. */
    TIMELINE_READ,
    /** A step's form, which names the incident and shows what the step needs of it. */
    STEP_FORM_READ,
    /** The report in full, to correct it. */
    AMENDMENT_FORM_READ,
    /** The incidents behind a compliance figure of a team's quarter. */
    COMPLIANCE_INCIDENTS_READ,
    /** A team's quarterly review with its learning points and measures, as a page or JSON. */
    REVIEW_READ,
    /** The quarterly review downloaded as CSV. */
    EXPORT_CSV,
    /** The quarterly review downloaded as PDF. */
    EXPORT_PDF,
    /** Everything held of one person (GDPR art. 15/20) downloaded; the subject names the person. */
    PERSONAL_DATA_EXPORT
}
