package nl.veiligwerken.command.web;

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

import java.util.function.Supplier;

/** The team leader closes an incident when the protocol's steps are done, or reopens it. */
@Controller
class ClosingController {

    private final IncidentClosing closing;
    private final IncidentAccess access;
    private final RecordedStepController recorded;

    ClosingController(IncidentClosing closing, IncidentAccess access, RecordedStepController recorded) {
        this.closing = closing;
        this.access = access;
        this.recorded = recorded;
    }

    @GetMapping("/incidents/{incidentId}/closing")
    @Audited(AuditAction.STEP_FORM_READ)
    String page(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user, Model model) {
        IncidentRef incident = access.ledBy(incidentId, user);
        ClosingForm blank = new ClosingForm(incident.version(), null);
        model.addAttribute("closing", blank);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "closing", closing.bindingFor(blank));
        return show(incident, model);
    }

    @PostMapping("/incidents/{incidentId}/close")
    String close(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user,
                 @ModelAttribute("closing") ClosingForm form, BindingResult errors, Model model) {
        IncidentRef incident = access.ledBy(incidentId, user);
        return outcome(incident, errors, model, () -> closing.close(incident, form, user, errors));
    }

    @PostMapping("/incidents/{incidentId}/reopen")
    String reopen(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user,
                  @ModelAttribute("closing") ClosingForm form, BindingResult errors, Model model) {
        IncidentRef incident = access.ledBy(incidentId, user);
        return outcome(incident, errors, model, () -> closing.reopen(incident, form, user, errors));
    }

    /** Back to the incident when it worked; the page again, saying why, when it did not. */
    private String outcome(IncidentRef incident, BindingResult errors, Model model, Supplier<Long> action) {
        Long version = PageAttempt.send(errors, action);
        if (version == null) {
            return show(incident, model);
        }
        return recorded.incidentPage(incident, version);
    }

    private String show(IncidentRef incident, Model model) {
        model.addAttribute("incident", incident);
        return "incidents/closing";
    }
}
