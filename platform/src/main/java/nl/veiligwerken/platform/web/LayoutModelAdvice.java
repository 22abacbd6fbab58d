package nl.veiligwerken.platform.web;

import nl.veiligwerken.platform.PlatformProperties;
import nl.veiligwerken.platform.notifications.UnreadNotifications;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/** What the shared layout needs on every page: the links between the services and who is signed in. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class LayoutModelAdvice {

    private final PlatformProperties properties;
    private final ObjectProvider<UnreadNotifications> unread;

    /** Without an {@link UnreadNotifications} (a test slice), the header shows no count. */
    public LayoutModelAdvice(PlatformProperties properties, ObjectProvider<UnreadNotifications> unread) {
        this.properties = properties;
        this.unread = unread;
    }

    @ModelAttribute("links")
    PlatformProperties.Links links() {
        return properties.links();
    }

    @ModelAttribute("currentUser")
    VwUser currentUser(@AuthenticationPrincipal VwUser user) {
        return user;
    }

    /**
     * Read only when a page's header shows it: a redirect after a POST, or a JSON answer of a {@code @Controller},
     * costs no query.
     */
    @ModelAttribute("unreadNotifications")
    LazyContextVariable<Integer> unreadNotifications(@AuthenticationPrincipal VwUser user) {
        return new LazyContextVariable<>() {
            @Override
            protected Integer loadValue() {
                UnreadNotifications counter = unread.getIfAvailable();
                return user == null || counter == null ? 0 : counter.of(user.getUsername());
            }
        };
    }
}
