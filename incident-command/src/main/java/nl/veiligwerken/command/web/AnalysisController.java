package nl.veiligwerken.command.web;

import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.Skill;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The incident analysis. Rows of learning points and measures are added by the server ({@code addPoint},
 * {@code addMeasure}: the page again with one more empty row), since the pages run no script.
 */
@Controller
class AnalysisController {

    private final AnalysisRecording recording;
    private final IncidentAccess access;
    private final RecordedStepController recorded;

    AnalysisController(AnalysisRecording recording, IncidentAccess access, RecordedStepController recorded) {
        this.recording = recording;
        this.access = access;
        this.recorded = recorded;
    }

    @GetMapping("/incidents/{incidentId}/analysis")
    @Audited(AuditAction.STEP_FORM_READ)
    String form(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user, Model model) {
        IncidentRef incident = access.openableBy(incidentId, user);
        return show(incident, user, recording.blank(incident), null, model);
    }

    @PostMapping("/incidents/{incidentId}/analysis")
    String submit(@PathVariable String incidentId, @AuthenticationPrincipal VwUser user,
                  @ModelAttribute("analysis") AnalysisForm form, BindingResult errors,
                  @RequestParam(required = false) String addPoint, @RequestParam(required = false) String addMeasure,
                  Model model) {
        IncidentRef incident = access.openableBy(incidentId, user);
        if (errors.hasErrors()) {
            // a value that could not be read: its error names the row as sent, so show the rows as sent
            return show(incident, user, form, errors, model);
        }
        if (addPoint != null) {
            return show(incident, user, form.withAnotherPoint().withRoomToType(), null, model);
        }
        if (addMeasure != null) {
            return show(incident, user, form.withAnotherMeasure().withRoomToType(), null, model);
        }
        AnalysisForm rows = form.withoutEmptyRows();
        BindingResult rowErrors = recording.bindingFor(rows);
        Long version = PageAttempt.send(rowErrors, () -> recording.submit(incident, rows, user, rowErrors));
        if (version == null) {
            AnalysisForm again = rows.withRoomToType();
            BindingResult shown = recording.bindingFor(again);
            shown.addAllErrors(rowErrors);
            return show(incident, user, again, shown, model);
        }
        return recorded.afterwards(incident, version, user);
    }

    private String show(IncidentRef incident, VwUser user, AnalysisForm form, BindingResult errors, Model model) {
        model.addAttribute("analysis", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "analysis",
                errors != null ? errors : recording.bindingFor(form));
        model.addAttribute("incident", incident);
        model.addAttribute("levels", LearningLevel.values());
        model.addAttribute("skills", Skill.values());
        model.addAttribute("owners", recording.owners(incident, user));
        model.addAttribute("textMax", StepForms.TEXT_MAX);
        return "incidents/analysis";
    }
}
