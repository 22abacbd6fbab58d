package nl.veiligwerken.command.incident;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportIncidentCommand;
import nl.veiligwerken.command.protocol.FirstSupportPolicy;
import nl.veiligwerken.command.protocol.ProtocolDefaults;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One reported incident and the protocol steps it goes through. */
@Aggregate
class Incident {

    @AggregateIdentifier
    private IncidentId incidentId;

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
    long handle(ReportIncidentCommand command, ProtocolDefaults protocol) {
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
        apply(new TaskScheduledEvent(taskId(command.incidentId(), ProtocolStep.FIRST_SUPPORT), command.incidentId(), command.teamId(),
                ProtocolStep.FIRST_SUPPORT, Role.TEAM_LEADER, command.reportedAt(),
                FirstSupportPolicy.dueAt(command.reportedAt(), protocol)));
        return AggregateLifecycle.getVersion();
    }

    private static TaskId taskId(IncidentId incident, ProtocolStep step) {
        return new TaskId(incident + ":" + step.name().toLowerCase().replace('_', '-'));
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent event) {
        incidentId = event.incidentId();
    }
}
