package nl.veiligwerken.query.web;

import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.audit.AuditLog;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit log for the prevention officer: who read which incident's details and who exported what, newest
 * first. For no one else, management included: the log itself names people.
 */
@Controller
class AuditPageController {

    record Row(AuditLog.Entry entry, String at, String name) {
    }

    private final AuditTrail trail;
    private final DirectoryNames names;
    private final OrganisationTime time;

    AuditPageController(AuditTrail trail, DirectoryNames names, OrganisationTime time) {
        this.trail = trail;
        this.names = names;
        this.time = time;
    }

    @GetMapping("/audit")
    String audit(@ModelAttribute("filter") AuditFilterForm filter, BindingResult errors,
                 @AuthenticationPrincipal VwUser user, Locale locale, Model model) {
        ReadAccess.requireMayReadAudit(user);
        AuditLog.Page page = trail.find(filter, errors);
        if (page == null) {
            model.addAttribute("rows", List.of());
            model.addAttribute("invalid", true);
            return "audit/log";
        }
        Map<String, String> people = new HashMap<>();
        model.addAttribute("rows", page.entries().stream()
                .map(e -> new Row(e, time.format(e.at(), locale), people.computeIfAbsent(e.username(), names::person)))
                .toList());
        model.addAttribute("pageNumber", page.number() + 1);
        model.addAttribute("previousPage", page.number() > 0 ? link(filter, page.number() - 1) : null);
        model.addAttribute("nextPage", page.hasNext() ? link(filter, page.number() + 1) : null);
        return "audit/log";
    }

    /** The same filter on another page; the parameters the person left empty stay out of the address. */
    private static String link(AuditFilterForm filter, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/audit");
        Map.of("user", nullToEmpty(filter.user()), "incident", nullToEmpty(filter.incident()),
                        "from", nullToEmpty(filter.from()), "to", nullToEmpty(filter.to()))
                .entrySet().stream().filter(e -> !e.getValue().isBlank()).sorted(Map.Entry.comparingByKey())
                .forEach(e -> uri.queryParam(e.getKey(), e.getValue().strip()));
        return uri.queryParam("page", page).encode().build().toUriString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
