package nl.veiligwerken.command.web;

import nl.veiligwerken.api.firstsupport.FirstSupportResponse;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.PlatformProperties;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The team leader records collegial first support; the task list links here. */
@Controller
class FirstSupportController {

    private final FirstSupportRecording recording;
    private final IncidentAccess access;
    private final PlatformProperties platform;

    FirstSupportController(FirstSupportRecording recording, IncidentAccess access, PlatformProperties platform) {
        this.recording = recording;
        this.access = access;
        this.platform = platform;
    }

    @GetMapping("/incidents/{incidentId}/first-support")
    String form(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user, Model model) {
        IncidentRef incident = access.ledBy(incidentId, user);
        FirstSupportForm blank = recording.blank(incident);
        model.addAttribute("firstSupport", blank);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "firstSupport", recording.bindingFor(blank));
        return show(incident, model);
    }

    @PostMapping("/incidents/{incidentId}/first-support")
    String submit(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user,
                  @ModelAttribute("firstSupport") FirstSupportForm form, BindingResult errors, Model model) {
        IncidentRef incident = access.ledBy(incidentId, user);
        if (PageAttempt.send(errors, () -> recording.submit(incident, form, user, errors)) == null) {
            return show(incident, model);
        }
        return "redirect:" + platform.links().query() + "/tasks?team=" + incident.teamId().value();
    }

    private String show(IncidentRef incident, Model model) {
        model.addAttribute("incident", incident);
        model.addAttribute("responses", FirstSupportResponse.values());
        return "incidents/first-support";
    }
}
