package nl.veiligwerken.notifier.preferences;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A person's choice for their mails: the form, the JSON body and what is stored.
 *
 * @param delivery each message at once, or a daily digest of the non-urgent ones
 * @param language {@code nl} or {@code en}
 */
public record MailPreference(
        @NotNull(message = "{preferences.delivery.required}")
        MailDelivery delivery,

        @NotNull(message = "{preferences.language.required}")
        @Pattern(regexp = "nl|en", message = "{preferences.language.unknown}")
        String language) {

    static final java.util.List<String> LANGUAGES = java.util.List.of("nl", "en");
}
