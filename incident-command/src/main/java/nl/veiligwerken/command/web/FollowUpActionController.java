package nl.veiligwerken.command.web;

import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.command.lookup.IncidentHistory;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.OrganisationTime;
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

import java.util.Locale;

/** A leader plans a follow-up action for someone of the team; its owner (or a leader) records it as done. */
@Controller
class FollowUpActionController {

    private final FollowUpActions actions;
    private final IncidentAccess access;
    private final RecordedStepController recorded;
    private final OrganisationTime time;

    FollowUpActionController(FollowUpActions actions, IncidentAccess access, RecordedStepController recorded,
                             OrganisationTime time) {
        this.actions = actions;
        this.access = access;
        this.recorded = recorded;
        this.time = time;
    }

    @GetMapping("/incidents/{incidentId}/actions")
    @Audited(AuditAction.STEP_FORM_READ)
    String planForm(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user, Model model) {
        IncidentRef incident = access.openableBy(incidentId, user);
        FollowUpActionForm blank = actions.blankPlan(incident);
        model.addAttribute("action", blank);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "action", actions.bindingFor(blank));
        return showPlan(incident, model);
    }

    @PostMapping("/incidents/{incidentId}/actions")
    String plan(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user,
                @ModelAttribute("action") FollowUpActionForm form, BindingResult errors, Model model) {
        IncidentRef incident = access.openableBy(incidentId, user);
        Long version = PageAttempt.send(errors, () -> actions.plan(incident, form, user, errors));
        if (version == null) {
            return showPlan(incident, model);
        }
        return recorded.afterwards(incident, version, user);
    }

    @GetMapping("/incidents/{incidentId}/actions/{actionId}/complete")
    @Audited(AuditAction.STEP_FORM_READ)
    String completionForm(@PathVariable String incidentId, @PathVariable String actionId,
                          @AuthenticationPrincipal VwUser user, Model model, Locale locale) {
        IncidentRef incident = access.openableBy(incidentId, user);
        IncidentHistory.Action action = actions.action(incident, actionId, user);
        ActionCompletionForm blank = actions.blankCompletion(incident);
        model.addAttribute("completion", blank);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "completion", actions.bindingFor(blank));
        return showCompletion(incident, action, model, locale);
    }

    @PostMapping("/incidents/{incidentId}/actions/{actionId}/complete")
    String complete(@PathVariable String incidentId, @PathVariable String actionId,
                    @AuthenticationPrincipal VwUser user, @ModelAttribute("completion") ActionCompletionForm form,
                    BindingResult errors, Model model, Locale locale) {
        IncidentRef incident = access.openableBy(incidentId, user);
        IncidentHistory.Action action = actions.action(incident, actionId, user);
        Long version = PageAttempt.send(errors, () -> actions.complete(incident, action, form, user, errors));
        if (version == null) {
            return showCompletion(incident, action, model, locale);
        }
        return recorded.afterwards(incident, version, user);
    }

    private String showPlan(IncidentRef incident, Model model) {
        model.addAttribute("incident", incident);
        model.addAttribute("kinds", FollowUpKind.values());
        model.addAttribute("owners", actions.owners(incident));
        model.addAttribute("textMax", StepForms.TEXT_MAX);
        return "incidents/action-plan";
    }

    private String showCompletion(IncidentRef incident, IncidentHistory.Action action, Model model, Locale locale) {
        model.addAttribute("incident", incident);
        model.addAttribute("planned", action.planned());
        model.addAttribute("completed", action.completed());
        model.addAttribute("ownerName", actions.ownerName(action));
        model.addAttribute("dueAt", time.format(action.planned().dueAt(), locale));
        model.addAttribute("textMax", StepForms.TEXT_MAX);
        return "incidents/action-complete";
    }
}
