package nl.veiligwerken.command.web;

import nl.veiligwerken.api.firstsupport.FirstSupportResponse;
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

import java.util.List;

/**
 * Collegial first support: recorded by whom the agreements give it or by the peer supporter a leader assigned
 * (the incident decides); a leader of the team assigns a peer supporter here too. The task list links here.
 */
@Controller
class FirstSupportController {

    private final FirstSupportRecording recording;
    private final PeerSupporterAssignment assignment;
    private final IncidentAccess access;
    private final StepPages pages;

    FirstSupportController(FirstSupportRecording recording, PeerSupporterAssignment assignment, IncidentAccess access,
                           StepPages pages) {
        this.recording = recording;
        this.assignment = assignment;
        this.access = access;
        this.pages = pages;
    }

    @GetMapping("/incidents/{incidentId}/first-support")
    @Audited(AuditAction.STEP_FORM_READ)
    String form(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user, Model model) {
        IncidentRef incident = access.openableBy(incidentId, user);
        return show(incident, user, model);
    }

    @PostMapping("/incidents/{incidentId}/first-support")
    String submit(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user,
                  @ModelAttribute("firstSupport") FirstSupportForm form, BindingResult errors, Model model) {
        IncidentRef incident = access.openableBy(incidentId, user);
        return pages.send(incident, form, user, errors, recording, () -> show(incident, user, model));
    }

    @PostMapping("/incidents/{incidentId}/peer-supporter")
    String assign(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user,
                  @ModelAttribute("assignment") PeerSupporterForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        IncidentRef incident = access.ledBy(incidentId, user);
        if (PageAttempt.send(errors, () -> assignment.submit(incident, form, user, errors)) == null) {
            return show(incident, user, model);
        }
        redirect.addFlashAttribute("peerSupporterAssigned", true);
        return "redirect:/incidents/" + incident.incidentId().value() + "/first-support";
    }

    /** The page with both forms; the one just sent keeps what was filled in and its errors. */
    private String show(IncidentRef incident, VwUser user, Model model) {
        if (!model.containsAttribute("firstSupport")) {
            FirstSupportForm blank = recording.blank(incident);
            model.addAttribute("firstSupport", blank);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "firstSupport", recording.bindingFor(blank));
        }
        boolean leads = user.leads(incident.teamId());
        if (leads && !model.containsAttribute("assignment")) {
            PeerSupporterForm blank = assignment.blank(incident);
            model.addAttribute("assignment", blank);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "assignment", assignment.bindingFor(blank));
        }
        model.addAttribute("incident", incident);
        model.addAttribute("responses", FirstSupportResponse.values());
        model.addAttribute("assignedPeerSupporter", assignment.assignedName(incident).orElse(null));
        model.addAttribute("mayAssign", leads);
        model.addAttribute("peerSupporters", leads ? assignment.peerSupporters(incident) : List.of());
        return "incidents/first-support";
    }
}
