package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.notifier.recipients.Recipients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Turns incoming events into notifications, once per event id: the processed marker and the notifications are
 * written in the same transaction, so a redelivered record either finds the marker or redoes all of it.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final NotificationRepository repository;
    private final Recipients recipients;
    private final Clock clock;

    Notifications(NotificationRepository repository, Recipients recipients, Clock clock) {
        this.repository = repository;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** Tells every leader of the task's team; returns how many notifications were created (0 for a redelivery). */
    @Transactional
    public int taskScheduled(String eventId, String eventType, TaskScheduledEvent event) {
        Instant now = clock.instant();
        if (repository.markProcessed(eventId, eventType, now) == 0) {
            log.debug("Event {} was handled before; redelivery ignored", eventId);
            return 0;
        }
        TeamId team = event.teamId();
        String teamName = recipients.teamName(team);
        List<Recipients.Recipient> leaders = recipients.leadersOf(team);
        if (leaders.isEmpty()) {
            log.warn("Task {} of team {} scheduled, but the team has no team leader to tell", event.taskId(), team);
        }
        for (Recipients.Recipient leader : leaders) {
            repository.save(Notification.taskScheduled(eventId,
                    new Notification.Recipient(leader.username(), leader.displayName(), leader.email(), leader.language()),
                    team.value(), teamName, event.incidentId().value(), event.taskId().value(), event.step(),
                    event.dueAt(), now));
        }
        return leaders.size();
    }

    /** For events this service reads but has nothing to do with (yet): remembered, so they are not counted twice. */
    @Transactional
    public boolean recordProcessed(String eventId, String eventType) {
        return repository.markProcessed(eventId, eventType, clock.instant()) == 1;
    }

    /** A person's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<NotificationView> of(String username) {
        return repository.findByRecipientUsernameOrderByCreatedAtDescIdDesc(username).stream()
                .map(NotificationView::of)
                .toList();
    }

    /** @return false when the person has no notification with this id */
    @Transactional
    public boolean markRead(long id, String username) {
        return repository.findByIdAndRecipientUsername(id, username).map(n -> {
            n.markRead();
            return true;
        }).orElse(false);
    }
}
