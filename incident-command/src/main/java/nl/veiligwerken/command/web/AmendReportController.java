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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reporter, or a leader of the team, corrects or completes a report; the earlier text stays in the history. */
@Controller
class AmendReportController {

    private final ReportAmending amending;
    private final IncidentAccess access;
    private final ReportIncidentController reportForm;

    AmendReportController(ReportAmending amending, IncidentAccess access, ReportIncidentController reportForm) {
        this.amending = amending;
        this.access = access;
        this.reportForm = reportForm;
    }

    @GetMapping("/incidents/{incidentId}/amend")
    @Audited(AuditAction.AMENDMENT_FORM_READ)
    String form(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user, Model model) {
        IncidentRef incident = access.reportedOrLedBy(incidentId, user);
        ReportAmendment current = amending.current(incident);
        model.addAttribute("amendment", current);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "amendment", amending.bindingFor(current));
        return show(incident, model);
    }

    @PostMapping("/incidents/{incidentId}/amend")
    String submit(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user,
                  @ModelAttribute("amendment") ReportAmendment form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        IncidentRef incident = access.reportedOrLedBy(incidentId, user);
        if (form.report() == null) {
            return withoutReport(incident, form, model);
        }
        if (PageAttempt.send(errors, () -> amending.submit(incident, form, user, errors)) == null) {
            model.addAttribute("namesWarning", NamesWarning.warned(errors));
            return show(incident, model);
        }
        redirect.addFlashAttribute("amended", true);
        return "redirect:/incidents/" + incident.incidentId().value() + "/amend";
    }

    /**
     * The page always sends the report's fields; a request without them (tampered or cut short) gets the form
     * again with the report as it reads now and a message, not an error page, and amends nothing.
     */
    private String withoutReport(IncidentRef incident, ReportAmendment form, Model model) {
        ReportAmendment shown = new ReportAmendment(form.expectedVersion(), form.reason(),
                amending.current(incident).report());
        BindingResult errors = amending.bindingFor(shown);
        errors.reject("incident.amend.report.required");
        model.addAttribute("amendment", shown);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "amendment", errors);
        return show(incident, model);
    }

    private String show(IncidentRef incident, Model model) {
        model.addAttribute("incident", incident);
        reportForm.addChoices(model);
        return "incidents/amend";
    }
}
