package nl.veiligwerken.command.web;

import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

import java.util.function.Supplier;

/**
 * A step sent from a page: on a page, "someone changed this meanwhile" is a message above the form the person
 * can act on (reload), not an error page.
 */
final class PageAttempt {

    private PageAttempt() {
    }

    /** The incident's new version, or null with the reason in {@code errors}. */
    static Long send(BindingResult errors, Supplier<Long> step) {
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return step.get();
        } catch (ApiProblemException conflict) {
            if (conflict.status() != HttpStatus.CONFLICT) {
                throw conflict;
            }
            errors.reject(conflict.messageKey(), conflict.arguments(), null);
            return null;
        }
    }
}
