package nl.veiligwerken.command.incident;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.closing.CloseIncidentCommand;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.closing.ReopenIncidentCommand;
import nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent;
import nl.veiligwerken.api.firstsupport.RecordFirstSupportCommand;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportIncidentCommand;
import nl.veiligwerken.command.protocol.FirstSupportPolicy;
import nl.veiligwerken.command.protocol.ProtocolDefaults;
import nl.veiligwerken.command.protocol.StepPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One reported incident and the protocol steps it goes through. */
@Aggregate
class Incident {

    /** A step that became a task and is not done yet. */
    private record OpenTask(TaskId taskId, Instant dueAt) {
    }

    @AggregateIdentifier
    private IncidentId incidentId;
    private TeamId teamId;
    private Instant occurredAt;
    private final Map<ProtocolStep, OpenTask> openTasks = new EnumMap<>(ProtocolStep.class);
    private boolean firstSupportRecorded;
    private boolean closed;

    Incident() {
        // for Axon: rebuilt from its events
    }

    /**
     * Records the report and, as the protocol wants, schedules collegial first support for the team's leader.
     *
     * @return the incident's version after the report, for optimistic concurrency of later commands
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(ReportIncidentCommand command, ProtocolDefaults protocol, DeadlineManager deadlines) {
        if (command.kinds().isEmpty()) {
            throw new IncidentRejectedException("incident.rejected.noKinds", "kinds");
        }
        if (command.occurredAt().isAfter(command.reportedAt())) {
            throw new IncidentRejectedException("incident.rejected.occurredInFuture", "occurredAt");
        }
        if (command.description() == null || command.description().isBlank()) {
            throw new IncidentRejectedException("incident.rejected.noDescription", "description");
        }
        apply(new IncidentReportedEvent(command.incidentId(), command.teamId(), command.reportedBy(),
                command.reportedAt(), command.occurredAt(), command.setting(), command.kinds(),
                command.severity(), command.description(), command.supportWanted()));
        schedule(ProtocolStep.FIRST_SUPPORT, Role.TEAM_LEADER, command.reportedAt(),
                FirstSupportPolicy.dueAt(command.reportedAt(), protocol), deadlines);
        return AggregateLifecycle.getVersion();
    }

    /**
     * A step becomes a task with a persistent deadline at its due time. A due time already past (possible
     * for steps counted from when the incident happened) fires at once and makes the task overdue.
     */
    private void schedule(ProtocolStep step, Role assignee, Instant scheduledAt, Instant dueAt, DeadlineManager deadlines) {
        apply(new TaskScheduledEvent(taskId(incidentId, step), incidentId, teamId, step, assignee, scheduledAt, dueAt));
        deadlines.schedule(dueAt, deadlineName(step), step);
    }

    private static String deadlineName(ProtocolStep step) {
        return "task-due-" + step.name();
    }

    @DeadlineHandler
    void taskDue(ProtocolStep step) {
        OpenTask task = openTasks.get(step);
        if (task != null) {
            apply(new TaskOverdueEvent(task.taskId(), incidentId, teamId, step, task.dueAt()));
        }
    }

    /**
     * Records that first support was offered, and completes its task: on time or late, measured against
     * the due time the task was given.
     */
    @CommandHandler
    long handle(RecordFirstSupportCommand command, ConflictResolver conflicts, DeadlineManager deadlines) {
        // whatever happened since the version the person saw, they decide again on the current state
        conflicts.detectConflicts(changesSinceExpectedVersion -> !changesSinceExpectedVersion.isEmpty());
        requireLeader(command.recordedByLeads());
        requireOpen();
        if (firstSupportRecorded) {
            throw new IncidentRejectedException("incident.rejected.firstSupportAlreadyRecorded", null);
        }
        if (command.offeredAt().isBefore(occurredAt)) {
            throw new IncidentRejectedException("incident.rejected.offeredBeforeIncident", "offeredAt");
        }
        if (command.offeredAt().isAfter(command.recordedAt().plus(StepPolicy.CLOCK_SKEW))) {
            throw new IncidentRejectedException("incident.rejected.offeredInFuture", "offeredAt");
        }
        apply(new FirstSupportOfferedEvent(incidentId, command.offeredBy(), command.offeredAt(), command.response(),
                command.recordedBy(), command.recordedAt()));
        complete(ProtocolStep.FIRST_SUPPORT, command.offeredAt(), deadlines);
        return AggregateLifecycle.getVersion();
    }

    /** Closing is refused while a step the protocol requires is still open, naming those steps. */
    @CommandHandler
    long handle(CloseIncidentCommand command, ConflictResolver conflicts) {
        conflicts.detectConflicts(changesSinceExpectedVersion -> !changesSinceExpectedVersion.isEmpty());
        requireLeader(command.closedByLeads());
        requireOpen();
        if (!openTasks.isEmpty()) {
            throw new StepsStillOpenException(List.copyOf(openTasks.keySet()));
        }
        apply(new IncidentClosedEvent(incidentId, command.closedBy(), command.closedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReopenIncidentCommand command, ConflictResolver conflicts) {
        conflicts.detectConflicts(changesSinceExpectedVersion -> !changesSinceExpectedVersion.isEmpty());
        requireLeader(command.reopenedByLeads());
        if (!closed) {
            throw new IncidentRejectedException("incident.rejected.notClosed", null);
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IncidentRejectedException("incident.rejected.noReopenReason", "reason");
        }
        apply(new IncidentReopenedEvent(incidentId, command.reason().strip(), command.reopenedBy(),
                command.reopenedAt()));
        return AggregateLifecycle.getVersion();
    }

    private void requireLeader(Set<TeamId> leads) {
        if (!leads.contains(teamId)) {
            throw new IncidentForbiddenException("incident.rejected.notTeamLeader");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IncidentRejectedException("incident.rejected.closed", null);
        }
    }

    /** Done on time or late; a done task needs no deadline any more. */
    private void complete(ProtocolStep step, Instant doneAt, DeadlineManager deadlines) {
        OpenTask task = openTasks.get(step);
        if (task != null) {
            apply(new TaskCompletedEvent(task.taskId(), incidentId, teamId, step, task.dueAt(), doneAt,
                    StepPolicy.isLate(doneAt, task.dueAt())));
            deadlines.cancelAllWithinScope(deadlineName(step));
        }
    }

    private static TaskId taskId(IncidentId incident, ProtocolStep step) {
        return new TaskId(incident + ":" + step.name().toLowerCase().replace('_', '-'));
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent event) {
        incidentId = event.incidentId();
        teamId = event.teamId();
        occurredAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(TaskScheduledEvent event) {
        openTasks.put(event.step(), new OpenTask(event.taskId(), event.dueAt()));
    }

    @EventSourcingHandler
    void on(FirstSupportOfferedEvent event) {
        firstSupportRecorded = true;
    }

    @EventSourcingHandler
    void on(TaskCompletedEvent event) {
        openTasks.remove(event.step());
    }

    @EventSourcingHandler
    void on(IncidentClosedEvent event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(IncidentReopenedEvent event) {
        closed = false;
    }
}
