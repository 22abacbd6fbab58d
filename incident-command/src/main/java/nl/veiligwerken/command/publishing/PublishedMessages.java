package nl.veiligwerken.command.publishing;

import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.IncidentReportedNotice;

import java.util.Optional;

/**
 * The explicit choice of what leaves this service: each domain event another service needs maps to its
 * published type and shape. Anything not listed here stays inside.
 */
final class PublishedMessages {

    record Published(PublishedEventType type, String incidentId, Object payload) {
    }

    private PublishedMessages() {
    }

    static Optional<Published> of(Object event) {
        if (event instanceof IncidentReportedEvent reported) {
            return Optional.of(new Published(PublishedEventType.INCIDENT_REPORTED, reported.incidentId().value(),
                    IncidentReportedNotice.of(reported)));
        }
        if (event instanceof TaskScheduledEvent task) {
            return Optional.of(new Published(PublishedEventType.TASK_SCHEDULED, task.incidentId().value(), task));
        }
        return Optional.empty();
    }
}
