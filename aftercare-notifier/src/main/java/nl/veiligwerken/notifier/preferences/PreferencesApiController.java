package nl.veiligwerken.notifier.preferences;

import jakarta.validation.Valid;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own mail settings as JSON. */
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferencesApiController {

    private final MailPreferences preferences;

    PreferencesApiController(MailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    MailPreference get(@AuthenticationPrincipal VwUser user) {
        return preferences.of(user.getUsername());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    MailPreference put(@AuthenticationPrincipal VwUser user, @Valid @RequestBody MailPreference preference) {
        preferences.save(user.getUsername(), preference);
        return preferences.of(user.getUsername());
    }
}
