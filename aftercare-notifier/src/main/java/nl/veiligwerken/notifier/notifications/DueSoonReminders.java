package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.ReminderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reminds owners of open tasks before the due time, at each configured lead (e.g. a day and four hours before).
 * Runs on a schedule; each task is reminded in a transaction of its own, with a marker per task and lead, so a
 * run that fails halfway, a second instance or a restart never sends a reminder twice.
 *
 * <p>Of the leads whose moment has come, only the shortest counts: a task scheduled three hours before its due
 * time, or a job that was down for a day, gets the one reminder that still makes sense, not all of them at once.
 */
@Component
public class DueSoonReminders {

    private static final Logger log = LoggerFactory.getLogger(DueSoonReminders.class);

    private final IncidentFacts facts;
    private final Notifications notifications;
    private final List<Duration> leads;
    private final Clock clock;

    DueSoonReminders(IncidentFacts facts, Notifications notifications, ReminderProperties properties, Clock clock) {
        this.facts = facts;
        this.notifications = notifications;
        this.leads = properties.dueSoon();
        this.clock = clock;
    }

    /** One run of the job, now. */
    public int sendDue() {
        return sendDue(clock.instant());
    }

    /** One run as if it were {@code at}; returns how many reminders were created. */
    public int sendDue(Instant at) {
        if (leads.isEmpty()) {
            return 0;
        }
        int created = 0;
        for (IncidentFacts.Task task : facts.dueWithin(at, leads.get(leads.size() - 1))) {
            Optional<Duration> lead = leadFor(task, at);
            if (lead.isEmpty()) {
                continue;
            }
            try {
                created += notifications.remind(task.taskId(), lead.get());
            } catch (RuntimeException e) {
                // one task's trouble must not keep the others' reminders back; the next run tries it again
                log.error("Reminder for task {} ({}) failed; tried again on the next run", task.taskId(), lead.get(), e);
            }
        }
        return created;
    }

    /** The shortest lead whose moment has come, if it is shorter than the task's whole span. */
    Optional<Duration> leadFor(IncidentFacts.Task task, Instant at) {
        Duration left = Duration.between(at, task.dueAt());
        Duration span = Duration.between(task.scheduledAt(), task.dueAt());
        return leads.stream().filter(lead -> lead.compareTo(left) >= 0).findFirst()
                .filter(lead -> lead.compareTo(span) < 0);
    }
}
