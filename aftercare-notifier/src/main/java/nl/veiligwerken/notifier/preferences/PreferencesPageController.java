package nl.veiligwerken.notifier.preferences;

import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own mail settings; nobody sets another person's. */
@Controller
class PreferencesPageController {

    private final MailPreferences preferences;
    private final Validator validator;

    PreferencesPageController(MailPreferences preferences, Validator validator) {
        this.preferences = preferences;
        this.validator = validator;
    }

    @GetMapping("/notifications/preferences")
    String page(@AuthenticationPrincipal VwUser user, Model model) {
        model.addAttribute("preferences", preferences.of(user.getUsername()));
        return form(model);
    }

    @PostMapping("/notifications/preferences")
    String save(@AuthenticationPrincipal VwUser user, @ModelAttribute("preferences") MailPreference form,
                BindingResult errors, Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            // after binding only: a value that did not bind already has its message, not a second one
            validator.validate(form, errors);
        }
        if (errors.hasErrors()) {
            return form(model);
        }
        preferences.save(user.getUsername(), form);
        flash.addFlashAttribute("saved", true);
        return "redirect:/notifications/preferences";
    }

    private static String form(Model model) {
        model.addAttribute("deliveries", MailDelivery.values());
        model.addAttribute("languages", MailPreference.LANGUAGES);
        return "notifications/preferences";
    }
}
