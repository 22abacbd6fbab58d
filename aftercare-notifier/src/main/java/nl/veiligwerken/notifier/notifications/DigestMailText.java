package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.NotifierProperties;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * Writes a daily digest: per notification its kind, team and due time, and a link behind sign-in; like a single
 * mail, nothing of what happened in an incident.
 */
@Component
class DigestMailText {

    private final MessageSource messages;
    private final NotificationRepository notifications;
    private final NotificationMail single;
    private final NotificationTexts texts;
    private final NotificationLinks links;
    private final NotifierProperties properties;
    private final PlatformProperties platform;
    private final OrganisationTime time;

    DigestMailText(MessageSource messages, NotificationRepository notifications, NotificationMail single,
                   NotificationTexts texts, NotificationLinks links, NotifierProperties properties,
                   PlatformProperties platform, OrganisationTime time) {
        this.messages = messages;
        this.notifications = notifications;
        this.single = single;
        this.texts = texts;
        this.links = links;
        this.properties = properties;
        this.platform = platform;
        this.time = time;
    }

    SimpleMailMessage compose(DigestMail digest) {
        List<Notification> items = notifications.findByDigest(digest.id());
        if (items.isEmpty()) {
            throw new IllegalStateException("digest " + digest.id() + " lists no notifications");
        }
        Locale locale = single.locale(digest.recipientUsername(), digest.language());
        StringBuilder list = new StringBuilder();
        for (Notification n : items) {
            String item = texts.inMail(NotificationView.of(n), locale);
            String line = n.dueAt() == null
                    ? messages.getMessage("notifications.digest.line", new Object[] {item, n.teamName()}, locale)
                    : messages.getMessage("notifications.digest.line.due",
                            new Object[] {item, n.teamName(), time.formatLong(n.dueAt(), locale)}, locale);
            String link = links.of(n);
            list.append(line).append('\n').append("  ").append(link).append('\n');
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.mailFrom());
        mail.setTo(digest.recipientEmail());
        mail.setSubject(messages.getMessage("notifications.digest.subject", new Object[] {items.size()}, locale));
        mail.setText(messages.getMessage("notifications.digest.body", new Object[] {digest.recipientName(),
                items.size(), list.toString(), notificationsPage(), notificationsPage() + "/preferences"}, locale));
        return mail;
    }

    private String notificationsPage() {
        return platform.links().notifier() + "/notifications";
    }
}
