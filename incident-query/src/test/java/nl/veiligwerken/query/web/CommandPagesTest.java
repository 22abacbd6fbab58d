package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommandPagesTest {

    private static final IncidentId INCIDENT = new IncidentId("5b0e7f0c-5d4e-4a8e-9a57-1f1c2d3e4f50");
    private static final String BASE = "/incidents/5b0e7f0c-5d4e-4a8e-9a57-1f1c2d3e4f50/";

    @ParameterizedTest
    @CsvSource({
            "LABOUR_INSPECTORATE, labour-inspectorate",
            "FIRST_SUPPORT, first-support",
            "AFTERCARE_TALK, aftercare",
            "FIRST_CHECK_IN, aftercare",
            "SECOND_CHECK_IN, aftercare",
            "AGGRESSOR_RESPONSE, aggressor-response",
            "FEEDBACK, feedback",
            "INCIDENT_ANALYSIS, analysis"})
    void eachProtocolStepLeadsToTheFormThatDoesIt(ProtocolStep step, String page) {
        assertThat(CommandPages.forTask(step, INCIDENT, stepTask(step))).hasValue(BASE + page);
    }

    @Test
    void aFollowUpActionLeadsToCompletingThatAction() {
        TaskId task = new TaskId(INCIDENT.value() + ":action-0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5");

        assertThat(CommandPages.forTask(ProtocolStep.FOLLOW_UP_ACTION, INCIDENT, task))
                .hasValue(BASE + "actions/0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5/complete");
    }

    @Test
    void aFollowUpActionWhoseTaskDoesNotNameItsActionHasNoForm() {
        assertThat(CommandPages.forTask(ProtocolStep.FOLLOW_UP_ACTION, INCIDENT, new TaskId("task-42"))).isEmpty();
        assertThat(CommandPages.forTask(ProtocolStep.FOLLOW_UP_ACTION, INCIDENT,
                new TaskId(INCIDENT.value() + ":action-"))).isEmpty();
        assertThat(CommandPages.forTask(ProtocolStep.FOLLOW_UP_ACTION, INCIDENT,
                new TaskId("other-incident:action-7"))).isEmpty();
    }

    /** A step added to the protocol without a page here fails to compile (the switch is exhaustive); this checks none is left out at run time. */
    @ParameterizedTest
    @EnumSource(value = ProtocolStep.class, mode = EnumSource.Mode.EXCLUDE, names = "FOLLOW_UP_ACTION")
    void everyAgreedStepHasAFormOfTheIncident(ProtocolStep step) {
        assertThat(CommandPages.forTask(step, INCIDENT, stepTask(step))).hasValueSatisfying(path ->
                assertThat(path).startsWith(BASE).doesNotEndWith("/"));
    }

    @Test
    void theIncidentsOwnPages() {
        assertThat(CommandPages.amend(INCIDENT)).isEqualTo(BASE + "amend");
        assertThat(CommandPages.planAction(INCIDENT)).isEqualTo(BASE + "actions");
        assertThat(CommandPages.closing(INCIDENT)).isEqualTo(BASE + "closing");
    }

    @Test
    void idsAreEncodedAsPathSegments() {
        IncidentId odd = new IncidentId("a b/c");

        assertThat(CommandPages.amend(odd)).isEqualTo("/incidents/a%20b%2Fc/amend");
        assertThat(CommandPages.forTask(ProtocolStep.FOLLOW_UP_ACTION, odd, new TaskId("a b/c:action-x?y")))
                .hasValue("/incidents/a%20b%2Fc/actions/x%3Fy/complete");
    }

    private static TaskId stepTask(ProtocolStep step) {
        return new TaskId(INCIDENT.value() + ":" + step.name().toLowerCase().replace('_', '-'));
    }
}
