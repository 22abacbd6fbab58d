package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.NotifierProperties;
import nl.veiligwerken.notifier.preferences.MailLanguage;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Locale;

/**
 * Writes the mail for a notification in the recipient's language. A mail leaves the organisation's systems,
 * so it says only that there is a task, for which team and by when, and links to the task list behind sign-in.
 */
@Component
class NotificationMail {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final MessageSource messages;
    private final NotifierProperties properties;
    private final PlatformProperties platform;
    private final OrganisationTime time;
    private final MailLanguage languages;

    NotificationMail(MessageSource messages, NotifierProperties properties, PlatformProperties platform,
                     OrganisationTime time, MailLanguage languages) {
        this.messages = messages;
        this.properties = properties;
        this.platform = platform;
        this.time = time;
        this.languages = languages;
    }

    /** The language the person chose for their mails, else the one their account had when they were told. */
    Locale locale(String username, String accountLanguage) {
        String language = languages.chosenBy(username).orElse(accountLanguage);
        return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : DUTCH;
    }

    SimpleMailMessage compose(Notification n) {
        Locale locale = locale(n.recipientUsername(), n.language());
        String step = messages.getMessage("notifications.step." + n.step().name(), null, locale);
        String due = time.formatLong(n.dueAt(), locale);
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.mailFrom());
        mail.setTo(n.recipientEmail());
        mail.setSubject(messages.getMessage("notifications.mail.subject." + n.kind().name(), new Object[] {step}, locale));
        mail.setText(messages.getMessage("notifications.mail.body." + n.kind().name(),
                new Object[] {n.recipientName(), n.teamName(), step, due, taskListLink(n.teamId())}, locale));
        return mail;
    }

    String taskListLink(String teamId) {
        return UriComponentsBuilder.fromUriString(platform.links().query())
                .path("/tasks")
                .queryParam("team", teamId)
                .encode()
                .toUriString();
    }
}
