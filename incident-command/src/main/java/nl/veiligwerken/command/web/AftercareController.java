package nl.veiligwerken.command.web;

import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.Referral;
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

/** An aftercare talk or check-in; one page for all of them, saying which one this is. */
@Controller
class AftercareController {

    private final AftercareRecording recording;
    private final IncidentAccess access;
    private final StepPages pages;

    AftercareController(AftercareRecording recording, IncidentAccess access, StepPages pages) {
        this.recording = recording;
        this.access = access;
        this.pages = pages;
    }

    @GetMapping("/incidents/{incidentId}/aftercare")
    @Audited(AuditAction.STEP_FORM_READ)
    String form(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user, Model model) {
        IncidentRef incident = access.openableBy(incidentId, user);
        pages.blank(model, "aftercare", recording, incident);
        return show(incident, model);
    }

    @PostMapping("/incidents/{incidentId}/aftercare")
    String submit(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user,
                  @ModelAttribute("aftercare") AftercareForm form, BindingResult errors, Model model) {
        IncidentRef incident = access.openableBy(incidentId, user);
        return pages.send(incident, form, user, errors, recording, () -> show(incident, model));
    }

    private String show(IncidentRef incident, Model model) {
        model.addAttribute("incident", incident);
        model.addAttribute("talk", recording.nextTalk(incident).map(Enum::name).orElse("EXTRA"));
        model.addAttribute("outcomes", AftercareOutcome.values());
        model.addAttribute("referrals", Referral.values());
        return "incidents/aftercare";
    }
}
