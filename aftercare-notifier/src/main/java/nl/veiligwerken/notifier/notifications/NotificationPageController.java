package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import java.util.Locale;

/** The signed-in person's messages, with the due times in the organisation's time zone. */
@Controller
class NotificationPageController {

    /** One line of the page: its text, where it leads, and its times as the organisation's clock shows them. */
    record Row(NotificationView notification, String text, String link, String dueAt, String createdAt) {
    }

    private final Notifications notifications;
    private final NotificationLinks links;
    private final NotificationTexts texts;
    private final OrganisationTime time;

    NotificationPageController(Notifications notifications, NotificationLinks links, NotificationTexts texts,
                               OrganisationTime time) {
        this.notifications = notifications;
        this.links = links;
        this.texts = texts;
        this.time = time;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal VwUser user, Locale locale, Model model) {
        model.addAttribute("rows", notifications.of(user.getUsername()).stream()
                .map(n -> new Row(n, texts.onPage(n, locale), links.of(n), time.format(n.dueAt(), locale),
                        time.format(n.createdAt(), locale)))
                .toList());
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@AuthenticationPrincipal VwUser user, @PathVariable("id") long id) {
        if (!notifications.markRead(id, user.getUsername())) {
            // someone else's id looks exactly like one that does not exist
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/notifications";
    }
}
