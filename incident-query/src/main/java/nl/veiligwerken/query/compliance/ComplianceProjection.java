package nl.veiligwerken.query.compliance;

import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.query.queries.ComplianceIncident;
import nl.veiligwerken.query.queries.ComplianceRow;
import nl.veiligwerken.query.queries.FindComplianceIncidentsQuery;
import nl.veiligwerken.query.queries.FindComplianceQuery;
import nl.veiligwerken.query.queries.FindOrganisationComplianceQuery;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.query.queries.TeamComplianceRow;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;

/**
 * Whether the protocol agreements were kept, per team, quarter and step: every required task of an incident
 * and how it ended. Follow-up actions are not steps of the agreements (their due time is chosen when planned).
 */
@Component
@ProcessingGroup(ComplianceProjection.PROCESSOR)
class ComplianceProjection {

    static final String PROCESSOR = "compliance";

    private final ComplianceRepository compliance;
    private final ZoneId zone;

    ComplianceProjection(ComplianceRepository compliance, OrganisationTime time) {
        this.compliance = compliance;
        this.zone = time.zone();
    }

    /** The quarter of the organisation's calendar the report came in: the quarter its steps count in. */
    @EventHandler
    void on(IncidentReportedEvent event) {
        compliance.saveIncident(event.incidentId(), event.teamId(),
                Quarter.of(event.reportedAt(), zone), event.protocolVersion());
    }

    @EventHandler
    void on(TaskScheduledEvent event) {
        if (event.step().isAgreed()) {
            compliance.saveTask(event.taskId(), event.incidentId(), event.step(), event.dueAt());
        }
    }

    @EventHandler
    void on(TaskCompletedEvent event) {
        compliance.complete(event.taskId(), event.completedAt(), event.late());
    }

    @EventHandler
    void on(TaskOverdueEvent event) {
        compliance.overdue(event.taskId());
    }

    @EventHandler
    void on(TaskWithdrawnEvent event) {
        compliance.withdraw(event.taskId());
    }

    @QueryHandler
    List<ComplianceRow> handle(FindComplianceQuery query) {
        return compliance.rows(query.team(), query.quarter());
    }

    @QueryHandler
    List<ComplianceIncident> handle(FindComplianceIncidentsQuery query) {
        return compliance.incidents(query.team(), query.quarter(), query.step(), query.outcome());
    }

    @QueryHandler
    List<TeamComplianceRow> handle(FindOrganisationComplianceQuery query) {
        return compliance.rows(query.quarter(), null);
    }

    @ResetHandler
    void reset() {
        compliance.deleteAll();
    }
}
