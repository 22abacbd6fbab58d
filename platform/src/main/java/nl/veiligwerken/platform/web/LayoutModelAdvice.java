package nl.veiligwerken.platform.web;

import nl.veiligwerken.platform.PlatformProperties;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: the links between the services and who is signed in. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class LayoutModelAdvice {

    private final PlatformProperties properties;

    public LayoutModelAdvice(PlatformProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("links")
    PlatformProperties.Links links() {
        return properties.links();
    }

    @ModelAttribute("currentUser")
    VwUser currentUser(@AuthenticationPrincipal VwUser user) {
        return user;
    }
}
