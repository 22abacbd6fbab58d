package nl.veiligwerken.command.web;

/** Limits the step forms share. */
final class StepForms {

    /** Room for what a person writes about a step; the report's own description has its own limit. */
    static final int TEXT_MAX = 4000;
    /** Learning points or measures of one analysis: room for any real one, not for ten thousand. */
    static final int ROWS_MAX = 50;

    /** An action's id as the forms make it. */
    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private StepForms() {
    }
}
