package nl.veiligwerken.query.tasks;

import nl.veiligwerken.query.queries.FindTaskViewVersionQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * How far the task view has got with each incident, so a page the person returns to after a change can wait
 * until the view shows it. A class of its own in the task view's processing group: Axon calls only the most
 * specific handler of a class, so a catch-all next to {@link TaskProjection}'s handlers would miss their events;
 * here it sees every event, in the same batch and transaction as the task rows it changed.
 */
@Component
@ProcessingGroup(TaskProjection.PROCESSOR)
class TaskViewProgress {

    private final TaskRepository tasks;

    TaskViewProgress(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if ("Incident".equals(message.getType())) {
            tasks.advanceVersion(message.getAggregateIdentifier(), message.getSequenceNumber());
        }
    }

    /** Null when the view has handled none of the incident's events yet. */
    @QueryHandler
    Long handle(FindTaskViewVersionQuery query) {
        return tasks.versionOf(query.incidentId()).orElse(null);
    }

    @ResetHandler
    void reset() {
        tasks.deleteVersions();
    }
}
