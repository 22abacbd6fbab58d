package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.NotifierProperties;
import nl.veiligwerken.platform.OrganisationTime;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Writes the mail for a notification in the recipient's language. A mail leaves the organisation's systems,
 * so it says only what kind of thing needs the person, for which team and by when, and links to a page behind
 * sign-in; it never quotes the incident. A check-in reminder names the colleague and the earlier talk's signal
 * (held, declined, more help wanted): the leader needs them to pick up the phone, and nothing of the talk itself.
 *
 * <p>Every kind's texts get the same arguments: {@code {0}} the recipient's name, {@code {1}} the team's name,
 * {@code {2}} the step, {@code {3}} the due time, {@code {4}} the link, {@code {5}} the colleague's name,
 * {@code {6}} the earlier talk's signal, {@code {7}} the number of tasks a new incident brings.
 */
@Component
class NotificationMail {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final MessageSource messages;
    private final NotifierProperties properties;
    private final NotificationLinks links;
    private final OrganisationTime time;

    NotificationMail(MessageSource messages, NotifierProperties properties, NotificationLinks links,
                     OrganisationTime time) {
        this.messages = messages;
        this.properties = properties;
        this.links = links;
        this.time = time;
    }

    SimpleMailMessage compose(Notification n) {
        Locale locale = locale(n.language());
        Object[] args = {n.recipientName(), orEmpty(n.teamName()), step(n, locale), time.formatLong(n.dueAt(), locale),
                links.of(n), orEmpty(n.colleagueName()), signal(n, locale), n.taskCount()};
        String subject = messages.getMessage("notifications.mail.subject." + n.kind().name(), args, locale);
        if (n.urgent()) {
            subject = messages.getMessage("notifications.mail.subject.urgent", new Object[] {subject}, locale);
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.mailFrom());
        mail.setTo(n.recipientEmail());
        mail.setSubject(subject);
        mail.setText(messages.getMessage("notifications.mail.body." + n.kind().name(), args, locale));
        return mail;
    }

    static Locale locale(String language) {
        return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : DUTCH;
    }

    private String step(Notification n, Locale locale) {
        return n.step() == null ? "" : messages.getMessage("notifications.step." + n.step().name(), null, locale);
    }

    private String signal(Notification n, Locale locale) {
        return n.aftercareSignal() == null ? ""
                : messages.getMessage("notifications.signal." + n.aftercareSignal().name(), null, locale);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
