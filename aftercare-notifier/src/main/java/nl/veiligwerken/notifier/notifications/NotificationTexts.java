package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.platform.OrganisationTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * A notification in one line, as the notification list and the daily digest show it:
 * {@code notifications.item.<kind>} with {@code {0}} the step, {@code {1}} the colleague, {@code {2}} the
 * earlier talk's signal, {@code {3}} the task count, {@code {4}} the due time. Only the list, behind sign-in,
 * shows the signal; a mail says it is there ({@code notifications.item.<kind>.mail} where a kind has one).
 */
@Component
class NotificationTexts {

    private final MessageSource messages;
    private final OrganisationTime time;

    NotificationTexts(MessageSource messages, OrganisationTime time) {
        this.messages = messages;
        this.time = time;
    }

    String onPage(NotificationView n, Locale locale) {
        return line("notifications.item." + n.kind().name(), n, locale);
    }

    String inMail(NotificationView n, Locale locale) {
        String mailKey = "notifications.item." + n.kind().name() + ".mail";
        boolean hasMailText = messages.getMessage(mailKey, null, null, locale) != null;
        return line(hasMailText ? mailKey : "notifications.item." + n.kind().name(), n, locale);
    }

    private String line(String key, NotificationView n, Locale locale) {
        String step = n.step() == null ? "" : messages.getMessage("notifications.step." + n.step().name(), null, locale);
        String signal = n.aftercareSignal() == null ? ""
                : messages.getMessage("notifications.signal." + n.aftercareSignal().name(), null, locale);
        return messages.getMessage(key, new Object[] {step, n.colleagueName() == null ? "" : n.colleagueName(), signal,
                n.taskCount(), time.format(n.dueAt(), locale)}, locale);
    }
}
