package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.NotifierProperties;
import nl.veiligwerken.notifier.preferences.MailLanguage;
import nl.veiligwerken.platform.OrganisationTime;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Writes the mail for a notification in the language the recipient chose (else their account's). A mail leaves
 * the organisation's systems, so it says only what kind of thing needs the person, for which team and by when,
 * and links to a page behind sign-in; it never quotes the incident. A check-in reminder names the colleague, so
 * the leader knows whom to call; the earlier talk's signal (declined, more help wanted) stays behind sign-in,
 * in the notification list.
 *
 * <p>Every kind's texts get the same arguments: {@code {0}} the recipient's name, {@code {1}} the team's name,
 * {@code {2}} the step, {@code {3}} the due time, {@code {4}} the link, {@code {5}} the colleague's name,
 * {@code {6}} the number of tasks a new incident brings.
 */
@Component
class NotificationMail {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final MessageSource messages;
    private final NotifierProperties properties;
    private final NotificationLinks links;
    private final OrganisationTime time;
    private final MailLanguage languages;

    NotificationMail(MessageSource messages, NotifierProperties properties, NotificationLinks links,
                     OrganisationTime time, MailLanguage languages) {
        this.messages = messages;
        this.properties = properties;
        this.links = links;
        this.time = time;
        this.languages = languages;
    }

    SimpleMailMessage compose(Notification n) {
        Locale locale = locale(n.recipientUsername(), n.language());
        Object[] args = {n.recipientName(), orEmpty(n.teamName()), step(n, locale), time.formatLong(n.dueAt(), locale),
                links.of(n), orEmpty(n.colleagueName()), n.taskCount()};
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

    /** The language the person chose for their mails, else the one their account had when they were told. */
    Locale locale(String username, String accountLanguage) {
        return locale(languages.chosenBy(username).orElse(accountLanguage));
    }

    static Locale locale(String language) {
        return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : DUTCH;
    }

    private String step(Notification n, Locale locale) {
        return n.step() == null ? "" : messages.getMessage("notifications.step." + n.step().name(), null, locale);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
