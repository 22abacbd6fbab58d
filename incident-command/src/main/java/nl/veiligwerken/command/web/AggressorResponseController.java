package nl.veiligwerken.command.web;

import nl.veiligwerken.api.followup.AggressorResponse;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.audit.AuditAction;
import nl.veiligwerken.platform.audit.Audited;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The response to the aggressor, decided and given. */
@Controller
class AggressorResponseController {

    private final AggressorResponseRecording recording;
    private final IncidentAccess access;
    private final StepPages pages;

    AggressorResponseController(AggressorResponseRecording recording, IncidentAccess access,
                                StepPages pages) {
        this.recording = recording;
        this.access = access;
        this.pages = pages;
    }

    @GetMapping("/incidents/{incidentId}/aggressor-response")
    @Audited(AuditAction.STEP_FORM_READ)
    String form(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user, Model model) {
        IncidentRef incident = access.openableBy(incidentId, user);
        pages.blank(model, "aggressorResponse", recording, incident);
        return show(incident, model);
    }

    @PostMapping("/incidents/{incidentId}/aggressor-response")
    String submit(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user,
                  @ModelAttribute("aggressorResponse") AggressorResponseForm form, BindingResult errors, Model model) {
        IncidentRef incident = access.openableBy(incidentId, user);
        return pages.send(incident, form, user, errors, recording, () -> show(incident, model));
    }

    private String show(IncidentRef incident, Model model) {
        model.addAttribute("incident", incident);
        model.addAttribute("responses", AggressorResponse.values());
        model.addAttribute("textMax", StepForms.TEXT_MAX);
        return "incidents/aggressor-response";
    }
}
