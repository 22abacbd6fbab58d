package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.platform.PlatformProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/**
 * The address a notification links to, in the mail and on the page: a page of the query or command service
 * behind sign-in, which checks access again and shows what the notification itself leaves out.
 */
@Component
class NotificationLinks {

    /** How the command side names a follow-up action's task: {@code <incidentId>:action-<actionId>}. */
    private static final String ACTION_TASK = ":action-";

    private final PlatformProperties.Links links;

    NotificationLinks(PlatformProperties platform) {
        this.links = platform.links();
    }

    String of(Notification n) {
        return of(n.link(), n.teamId(), n.incidentId(), n.taskId(), n.step());
    }

    String of(NotificationView n) {
        return of(n.link(), n.teamId(), n.incidentId(), n.taskId(), n.step());
    }

    private String of(LinkTarget target, String teamId, String incidentId, String taskId, ProtocolStep step) {
        return switch (target == null ? LinkTarget.TASK_LIST : target) {
            case TASK_LIST -> withTeam(links.query(), "/tasks", teamId);
            case COMPLIANCE -> withTeam(links.query(), "/compliance", teamId);
            case MY_REPORTS -> links.query() + "/my-reports";
            case INCIDENT -> incidentPage(incidentId);
            case STEP_FORM -> stepForm(incidentId, taskId, step);
        };
    }

    private String incidentPage(String incidentId) {
        return incidentId == null ? links.query() + "/my-reports" : links.query() + "/incidents/" + segment(incidentId);
    }

    /** The command service's form for the step, as the task list links to it (see the query service's CommandPages). */
    private String stepForm(String incidentId, String taskId, ProtocolStep step) {
        if (incidentId == null || step == null) {
            return incidentPage(incidentId);
        }
        String incident = links.command() + "/incidents/" + segment(incidentId) + "/";
        return switch (step) {
            case LABOUR_INSPECTORATE -> incident + "labour-inspectorate";
            case FIRST_SUPPORT -> incident + "first-support";
            case AFTERCARE_TALK, FIRST_CHECK_IN, SECOND_CHECK_IN -> incident + "aftercare";
            case AGGRESSOR_RESPONSE -> incident + "aggressor-response";
            case FEEDBACK -> incident + "feedback";
            case INCIDENT_ANALYSIS -> incident + "analysis";
            case FOLLOW_UP_ACTION -> {
                String prefix = incidentId + ACTION_TASK;
                yield taskId != null && taskId.startsWith(prefix) && taskId.length() > prefix.length()
                        ? incident + "actions/" + segment(taskId.substring(prefix.length())) + "/complete"
                        : incidentPage(incidentId);
            }
        };
    }

    private static String withTeam(String base, String path, String teamId) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(base).path(path);
        if (teamId != null) {
            uri.queryParam("team", teamId);
        }
        return uri.encode().toUriString();
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
