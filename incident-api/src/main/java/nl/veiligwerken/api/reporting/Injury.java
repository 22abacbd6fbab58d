package nl.veiligwerken.api.reporting;

/**
 * Harm the colleague suffered; more than one may apply, none means no injury. The serious ones (Arbowet
 * art. 9) oblige the employer to notify the Labour Inspectorate at once.
 */
public enum Injury {
    MINOR_INJURY,
    MEDICAL_TREATMENT,
    HOSPITAL_ADMISSION,
    LASTING_PHYSICAL_HARM,
    LASTING_PSYCHOLOGICAL_HARM,
    DEATH;

    /** Hospital admission (a day admission counts), lasting physical or psychological harm, or death. */
    public boolean mustBeNotifiedToLabourInspectorate() {
        return this == HOSPITAL_ADMISSION || this == LASTING_PHYSICAL_HARM || this == LASTING_PSYCHOLOGICAL_HARM
                || this == DEATH;
    }
}
