package nl.veiligwerken.command.web;

import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.PlatformProperties;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a person goes once they recorded a step: a leader of the team back to the team's task list, anyone
 * else (a prevention officer, a peer supporter, the owner of an action: they have no task list) to a page
 * that says it was recorded.
 */
@Controller
class RecordedStepController {

    private final IncidentAccess access;
    private final PlatformProperties platform;

    RecordedStepController(IncidentAccess access, PlatformProperties platform) {
        this.access = access;
        this.platform = platform;
    }

    String afterwards(IncidentRef incident, VwUser user) {
        if (user.leads(incident.teamId())) {
            return "redirect:" + platform.links().query() + "/tasks?team=" + incident.teamId().value();
        }
        return "redirect:/incidents/" + incident.incidentId().value() + "/recorded";
    }

    @GetMapping("/incidents/{incidentId}/recorded")
    String recorded(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user, Model model) {
        model.addAttribute("incident", access.openableBy(incidentId, user));
        return "incidents/step-recorded";
    }
}
