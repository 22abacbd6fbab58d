package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The command service's pages this service links to, as paths to put after its base URL
 * ({@code links.command}): the form that does a task's step, and the pages to amend a report, plan a follow-up
 * action and close an incident. One place, so a page moving on the command side is one change here.
 */
final class CommandPages {

    /** How the command side names a follow-up action's task: {@code <incidentId>:action-<actionId>}. */
    private static final String ACTION_TASK = ":action-";

    private CommandPages() {
    }

    /**
     * The form that does {@code step} for the incident. Empty only for a follow-up action whose task id does not
     * name its action, since there is then no form to point to.
     */
    static Optional<String> forTask(ProtocolStep step, IncidentId incident, TaskId task) {
        return switch (step) {
            case LABOUR_INSPECTORATE -> Optional.of(incidentPage(incident, "labour-inspectorate"));
            case FIRST_SUPPORT -> Optional.of(incidentPage(incident, "first-support"));
            // one page records the talk and both check-ins: the command side counts a talk towards the first open one
            case AFTERCARE_TALK, FIRST_CHECK_IN, SECOND_CHECK_IN -> Optional.of(incidentPage(incident, "aftercare"));
            case AGGRESSOR_RESPONSE -> Optional.of(incidentPage(incident, "aggressor-response"));
            case FEEDBACK -> Optional.of(incidentPage(incident, "feedback"));
            case INCIDENT_ANALYSIS -> Optional.of(incidentPage(incident, "analysis"));
            case FOLLOW_UP_ACTION -> actionOf(incident, task)
                    .map(action -> incidentPage(incident, "actions/" + segment(action) + "/complete"));
        };
    }

    static String amend(IncidentId incident) {
        return incidentPage(incident, "amend");
    }

    static String planAction(IncidentId incident) {
        return incidentPage(incident, "actions");
    }

    static String closing(IncidentId incident) {
        return incidentPage(incident, "closing");
    }

    private static Optional<String> actionOf(IncidentId incident, TaskId task) {
        String prefix = incident.value() + ACTION_TASK;
        String id = task.value();
        return id.startsWith(prefix) && id.length() > prefix.length()
                ? Optional.of(id.substring(prefix.length()))
                : Optional.empty();
    }

    private static String incidentPage(IncidentId incident, String page) {
        return "/incidents/" + segment(incident.value()) + "/" + page;
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
