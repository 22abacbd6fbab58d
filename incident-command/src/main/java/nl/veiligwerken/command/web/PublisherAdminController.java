package nl.veiligwerken.command.web;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.command.publishing.PublisherControl;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** For the administrator: whether the Kafka publisher runs and how far it has come; pausing and resuming it. */
@RestController
class PublisherAdminController {

    private final PublisherControl publisher;

    PublisherAdminController(PublisherControl publisher) {
        this.publisher = publisher;
    }

    @GetMapping("/api/admin/publisher")
    PublisherControl.Status status(@AuthenticationPrincipal VwUser user) {
        requireAdmin(user);
        return publisher.status();
    }

    @PostMapping("/api/admin/publisher/pause")
    PublisherControl.Status pause(@AuthenticationPrincipal VwUser user) {
        requireAdmin(user);
        return publisher.pause();
    }

    @PostMapping("/api/admin/publisher/resume")
    PublisherControl.Status resume(@AuthenticationPrincipal VwUser user) {
        requireAdmin(user);
        return publisher.resume();
    }

    private static void requireAdmin(VwUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("not an administrator");
        }
    }
}
