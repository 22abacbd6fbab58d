package nl.veiligwerken.query.web;

import nl.veiligwerken.api.tasks.TaskSummary;

import java.time.Duration;
import java.time.Instant;

/** The parts of the task inbox, in the order it shows them; judged at the moment of the request. */
enum TaskSection {
    /** "Te laat": past its due time. */
    OVERDUE,
    /** "Binnenkort": due within the configured window. */
    DUE_SOON,
    /** "Open": the rest. */
    OPEN;

    static TaskSection of(TaskSummary task, Instant now, Duration dueSoon) {
        if (task.isOverdueAt(now)) {
            return OVERDUE;
        }
        return task.dueAt().isAfter(now.plus(dueSoon)) ? OPEN : DUE_SOON;
    }
}
