package nl.veiligwerken.command.web.protocol;

import nl.veiligwerken.api.protocol.DueUnit;
import nl.veiligwerken.api.protocol.ProtocolAgreement;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agreements in force and before, for everyone; a new version, for prevention officers. */
@Controller
class ProtocolController {

    private final ProtocolEditing editing;

    ProtocolController(ProtocolEditing editing) {
        this.editing = editing;
    }

    @GetMapping("/protocol")
    String current(Model model) {
        return show(editing.current(), model);
    }

    @GetMapping("/protocol/versions/{version}")
    String version(@PathVariable int version, Model model) {
        return show(editing.version(version), model);
    }

    @GetMapping("/protocol/edit")
    String form(@AuthenticationPrincipal VwUser user, Model model) {
        editing.mayEdit(user);
        ProtocolForm form = editing.formFor(editing.current());
        model.addAttribute(ProtocolEditing.OBJECT_NAME, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + ProtocolEditing.OBJECT_NAME, editing.bindingFor(form));
        return showForm(model);
    }

    @PostMapping("/protocol/edit")
    String adopt(@AuthenticationPrincipal VwUser user, @ModelAttribute(ProtocolEditing.OBJECT_NAME) ProtocolForm form,
                 BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return unreadable(user, form, errors, model);
        }
        Integer adopted;
        try {
            adopted = editing.adopt(form, user, errors);
        } catch (ApiProblemException conflict) {
            if (conflict.status() != HttpStatus.CONFLICT) {
                throw conflict;
            }
            // on a page, "adopted meanwhile" is something to act on (reload), not an error page
            errors.reject(conflict.messageKey());
            adopted = null;
        }
        if (adopted == null) {
            return showForm(model);
        }
        redirect.addFlashAttribute("adoptedVersion", adopted);
        return "redirect:/protocol";
    }

    /**
     * A value no field offers (a tampered or outdated page) leaves the binder without a form to point at:
     * name each such field on the form as sent, and adopt nothing.
     */
    private String unreadable(VwUser user, ProtocolForm form, BindingResult binding, Model model) {
        editing.mayEdit(user);
        ProtocolForm shown = form != null ? form : editing.formFor(editing.current());
        BindingResult named = editing.bindingFor(shown);
        binding.getFieldErrors().forEach(error -> named.rejectValue(error.getField(),
                "basedOnVersion".equals(error.getField()) ? "protocol.basedOnVersion.required" : "protocol.edit.unknownChoice"));
        if (!named.hasErrors()) {
            named.reject("protocol.basedOnVersion.required");
        }
        model.addAttribute(ProtocolEditing.OBJECT_NAME, shown);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + ProtocolEditing.OBJECT_NAME, named);
        return showForm(model);
    }

    private String show(ProtocolAgreement agreement, Model model) {
        model.addAttribute("agreement", agreement);
        model.addAttribute("versions", editing.versions());
        model.addAttribute("isCurrent", agreement.version() == editing.current().version());
        return "protocol/agreements";
    }

    private String showForm(Model model) {
        model.addAttribute("current", editing.current());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("kinds", AggressionKind.values());
        model.addAttribute("assignees", ProtocolEditing.ASSIGNEES);
        model.addAttribute("escalation", ProtocolEditing.ESCALATION);
        model.addAttribute("units", DueUnit.values());
        return "protocol/edit";
    }
}
