package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.api.protocol.ProtocolStep;

import java.time.Instant;

/** A notification as the API and the page show it to its recipient. */
public record NotificationView(
        long id,
        String recipient,
        NotificationKind kind,
        ProtocolStep step,
        String teamId,
        String teamName,
        String incidentId,
        String taskId,
        Instant dueAt,
        Instant createdAt,
        boolean read,
        MailStatus mailStatus) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.recipientUsername(), n.kind(), n.step(), n.teamId(), n.teamName(),
                n.incidentId(), n.taskId(), n.dueAt(), n.createdAt(), n.read(), n.mailStatus());
    }
}
