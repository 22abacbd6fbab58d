package nl.veiligwerken.notifier.deadletters;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;

/** For the administrator: the records the notifier could not read, and offering one again. */
@Controller
class DeadLetterController {

    /** One line of the page. */
    record Row(DeadLetter deadLetter, String receivedAt, String retriedAt) {
    }

    private static final int SHOWN = 200;

    private final DeadLetters deadLetters;
    private final OrganisationTime time;

    DeadLetterController(DeadLetters deadLetters, OrganisationTime time) {
        this.deadLetters = deadLetters;
        this.time = time;
    }

    @GetMapping("/admin/dead-letters")
    String page(@AuthenticationPrincipal VwUser user, Locale locale, Model model) {
        requireAdmin(user);
        model.addAttribute("rows", deadLetters.list(SHOWN).stream()
                .map(d -> new Row(d, time.format(d.receivedAt(), locale), time.format(d.retriedAt(), locale)))
                .toList());
        return "admin/dead-letters";
    }

    @PostMapping("/admin/dead-letters/{id}/retry")
    String retry(@PathVariable("id") long id, @AuthenticationPrincipal VwUser user, RedirectAttributes flash) {
        requireAdmin(user);
        DeadLetters.Retry outcome = deadLetters.retry(id, user.getUsername());
        if (outcome == DeadLetters.Retry.NOT_FOUND) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
        }
        flash.addFlashAttribute("outcome", outcome.name());
        return "redirect:/admin/dead-letters";
    }

    static void requireAdmin(VwUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("not an administrator");
        }
    }
}
