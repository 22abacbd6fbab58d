package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.api.protocol.ProtocolStep;

import java.time.Instant;

/**
 * A notification as the API and the page show it to its recipient. {@code step}, {@code taskId} and
 * {@code dueAt} are null for the kinds without a task; {@code teamId} may be null for feedback;
 * {@code colleagueName} and {@code aftercareSignal} belong to a check-in reminder; {@code taskCount} to a new
 * incident (the report's tasks it stands for).
 */
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
        MailStatus mailStatus,
        boolean urgent,
        LinkTarget link,
        String colleagueName,
        AftercareSignal aftercareSignal,
        int taskCount) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.recipientUsername(), n.kind(), n.step(), n.teamId(), n.teamName(),
                n.incidentId(), n.taskId(), n.dueAt(), n.createdAt(), n.read(), n.mailStatus(), n.urgent(), n.link(),
                n.colleagueName(), n.aftercareSignal(), n.taskCount());
    }
}
