package nl.veiligwerken.command.web;

import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.PlatformProperties;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/**
 * Where a person goes once they recorded a step: a leader of the team back to the team's task list, anyone
 * else (a prevention officer, a peer supporter, the owner of an action: they have no task list) to a page
 * that says it was recorded. The task list is told which change to wait for ({@link #seen}), so it shows it.
 */
@Controller
class RecordedStepController {

    private final IncidentAccess access;
    private final PlatformProperties platform;

    RecordedStepController(IncidentAccess access, PlatformProperties platform) {
        this.access = access;
        this.platform = platform;
    }

    /** @param version the incident's version after the step, as the command answered */
    String afterwards(IncidentRef incident, long version, VwUser user) {
        if (user.leads(incident.teamId())) {
            return "redirect:" + UriComponentsBuilder.fromUriString(platform.links().query()).path("/tasks")
                    .queryParam("team", inQuery(incident.teamId().value()))
                    .queryParam("seen", seen(incident, version))
                    .build(true).toUriString();
        }
        return "redirect:/incidents/" + incident.incidentId().value() + "/recorded";
    }

    /**
     * The query service's page of the incident, told to wait until its view shows the change just made. The
     * views are updated a moment after the events are stored: without this the page could show the old state.
     */
    String incidentPage(IncidentRef incident, long version) {
        return "redirect:" + UriComponentsBuilder.fromUriString(platform.links().query())
                .path("/incidents/" + UriUtils.encodePathSegment(incident.incidentId().value(), StandardCharsets.UTF_8))
                .queryParam("seen", seen(incident, version))
                .build(true).toUriString();
    }

    /** How the query service's pages name a change: {@code <incidentId>:<version>} (a colon needs no escaping). */
    private static String seen(IncidentRef incident, long version) {
        return inQuery(incident.incidentId().value()) + ":" + version;
    }

    private static String inQuery(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }

    @GetMapping("/incidents/{incidentId}/recorded")
    String recorded(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user, Model model) {
        model.addAttribute("incident", access.openableBy(incidentId, user));
        return "incidents/step-recorded";
    }
}
