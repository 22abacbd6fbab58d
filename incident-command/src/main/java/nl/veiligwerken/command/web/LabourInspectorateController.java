package nl.veiligwerken.command.web;

import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The notification of a serious injury to the Labour Inspectorate (Arbowet art. 9), recorded. */
@Controller
class LabourInspectorateController {

    private final LabourInspectorateRecording recording;
    private final IncidentAccess access;
    private final RecordedStepController recorded;

    LabourInspectorateController(LabourInspectorateRecording recording, IncidentAccess access,
                                 RecordedStepController recorded) {
        this.recording = recording;
        this.access = access;
        this.recorded = recorded;
    }

    @GetMapping("/incidents/{incidentId}/labour-inspectorate")
    String form(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user, Model model) {
        IncidentRef incident = access.openableBy(incidentId, user);
        LabourInspectorateForm blank = recording.blank(incident);
        model.addAttribute("labourInspectorate", blank);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "labourInspectorate", recording.bindingFor(blank));
        return show(incident, model);
    }

    @PostMapping("/incidents/{incidentId}/labour-inspectorate")
    String submit(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user,
                  @ModelAttribute("labourInspectorate") LabourInspectorateForm form, BindingResult errors,
                  Model model) {
        IncidentRef incident = access.openableBy(incidentId, user);
        Long version = PageAttempt.send(errors, () -> recording.submit(incident, form, user, errors));
        if (version == null) {
            return show(incident, model);
        }
        return recorded.afterwards(incident, version, user);
    }

    private String show(IncidentRef incident, Model model) {
        model.addAttribute("incident", incident);
        return "incidents/labour-inspectorate";
    }
}
