package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A person's own notifications as JSON. Nobody reads another person's: a leader's mail is theirs alone. */
@RestController
@RequestMapping("/api/notifications")
class NotificationApiController {

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    List<NotificationView> list(@AuthenticationPrincipal VwUser user,
                                @RequestParam(name = "recipient", required = false) String recipient) {
        if (recipient != null && !recipient.equals(user.getUsername())) {
            throw new AccessDeniedException("notifications of another person");
        }
        return notifications.of(user.getUsername());
    }
}
