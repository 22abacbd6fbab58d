package nl.veiligwerken.query.web;

import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Optional;

/**
 * The page on which the prevention officer exports a person's data: a form asking for the username, with a button
 * for each part; sent, it leads to that part's download (this service's {@code /api/privacy/export}, which records
 * the export, or the notifier's), or shows what is wrong.
 */
@Controller
class PrivacyExportPageController {

    private final PersonalDataExports exports;

    PrivacyExportPageController(PersonalDataExports exports) {
        this.exports = exports;
    }

    @GetMapping("/privacy/export")
    String page(@ModelAttribute("form") PrivacyExportForm form, BindingResult errors,
                @AuthenticationPrincipal VwUser user, Model model) {
        ReadAccess.requireMayExportPersonalData(user);
        if (form.person() == null) {
            return "privacy/export";
        }
        Optional<String> person = PersonalDataExports.person(form, errors);
        if (person.isEmpty()) {
            return "privacy/export";
        }
        return "redirect:" + (form.notifications() ? exports.notifierExport(person.get())
                : UriComponentsBuilder.fromPath("/api/privacy/export").queryParam("person", person.get())
                        .encode().build().toUriString());
    }
}
