package nl.veiligwerken.notifier.preferences;

import java.util.Optional;

/** The language a person chose for their mails, if they chose one ({@code nl} or {@code en}). */
@FunctionalInterface
public interface MailLanguage {

    Optional<String> chosenBy(String username);
}
