package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.incidents.FindIncidentQuery;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.query.queries.ComplianceIncident;
import nl.veiligwerken.query.queries.FindAssignedPeerSupporterQuery;
import nl.veiligwerken.query.queries.ComplianceOutcome;
import nl.veiligwerken.query.queries.ComplianceRow;
import nl.veiligwerken.query.queries.FindComplianceIncidentsQuery;
import nl.veiligwerken.query.queries.FindErasureQuery;
import nl.veiligwerken.query.queries.FindIncidentsNamingPersonQuery;
import nl.veiligwerken.query.queries.FindIncidentsOfPersonQuery;
import nl.veiligwerken.query.queries.FindComplianceQuery;
import nl.veiligwerken.query.queries.FindOrganisationComplianceQuery;
import nl.veiligwerken.query.queries.FindOrganisationReviewQuery;
import nl.veiligwerken.query.queries.FindQuarterlyReviewQuery;
import nl.veiligwerken.query.queries.FindTaskListQuery;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.query.queries.FindMyReportsQuery;
import nl.veiligwerken.query.queries.FindTaskListQuery;
import nl.veiligwerken.query.queries.FindTimelineQuery;
import nl.veiligwerken.query.queries.MyReport;
import nl.veiligwerken.query.queries.FindTaskViewVersionQuery;
import nl.veiligwerken.query.queries.QuarterlyReview;
import nl.veiligwerken.query.queries.TaskListEntry;
import nl.veiligwerken.query.queries.TeamComplianceRow;
import nl.veiligwerken.query.queries.TeamReview;
import nl.veiligwerken.query.queries.TimelineAudience;
import nl.veiligwerken.query.queries.TimelineEntry;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The questions the pages and the API ask, through Axon's query bus, so the web never touches a view's tables. */
@Component
class ReadModel {

    private final QueryGateway queries;

    ReadModel(QueryGateway queries) {
        this.queries = queries;
    }

    /** The open tasks of all these teams, earliest due first. */
    List<TaskListEntry> openTasksOf(List<TeamId> teams) {
        return queries.query(new FindTaskListQuery(teams), ResponseTypes.multipleInstancesOf(TaskListEntry.class)).join();
    }

    /** The version of the incident the task view has reached; -1 when it has nothing of it yet. */
    long taskViewVersion(IncidentId incident) {
        return queries.query(new FindTaskViewVersionQuery(incident), ResponseTypes.optionalInstanceOf(Long.class))
                .join().orElse(-1L);
    }

    /** The version of the incident the incident view has reached; -1 when it has nothing of it yet. */
    long incidentViewVersion(IncidentId incident) {
        return incident(incident).map(IncidentDetails::version).orElse(-1L);
    }

    List<ComplianceRow> compliance(TeamId team, Quarter quarter) {
        return queries.query(new FindComplianceQuery(team, quarter),
                ResponseTypes.multipleInstancesOf(ComplianceRow.class)).join();
    }

    List<ComplianceIncident> complianceIncidents(TeamId team, Quarter quarter, ProtocolStep step,
                                                 ComplianceOutcome outcome) {
        return queries.query(new FindComplianceIncidentsQuery(team, quarter, step, outcome),
                ResponseTypes.multipleInstancesOf(ComplianceIncident.class)).join();
    }

    /** The quarter's review of every team that had something in it. */
    List<TeamReview> organisationReviews(Quarter quarter) {
        return queries.query(new FindOrganisationReviewQuery(quarter), ResponseTypes.multipleInstancesOf(TeamReview.class))
                .join();
    }

    /** The quarter's compliance rows of every team that had a required step. */
    List<TeamComplianceRow> organisationCompliance(Quarter quarter) {
        return queries.query(new FindOrganisationComplianceQuery(quarter),
                ResponseTypes.multipleInstancesOf(TeamComplianceRow.class)).join();
    }

    QuarterlyReview quarterlyReview(TeamId team, Quarter quarter) {
        return queries.query(new FindQuarterlyReviewQuery(team, quarter), ResponseTypes.instanceOf(QuarterlyReview.class))
                .join();
    }

    Optional<IncidentDetails> incident(IncidentId id) {
        return queries.query(new FindIncidentQuery(id), ResponseTypes.optionalInstanceOf(IncidentDetails.class)).join();
    }

    /** When the incident's personal data was erased after the retention term; empty while it is kept. */
    Optional<Instant> erasedAt(IncidentId id) {
        return queries.query(new FindErasureQuery(id), ResponseTypes.optionalInstanceOf(Instant.class)).join();
    }

    /** The incidents a person reported, or that were reported on their behalf, or whose steps name them. */
    List<IncidentId> incidentsOfPerson(String username) {
        List<IncidentId> reported = queries.query(new FindIncidentsOfPersonQuery(username),
                ResponseTypes.multipleInstancesOf(IncidentId.class)).join();
        List<IncidentId> named = queries.query(new FindIncidentsNamingPersonQuery(username),
                ResponseTypes.multipleInstancesOf(IncidentId.class)).join();
        return Stream.concat(reported.stream(), named.stream()).distinct().toList();
    }

    /** Who was assigned to give the incident's first support, if anyone. */
    Optional<String> assignedPeerSupporter(IncidentId id) {
        return queries.query(new FindAssignedPeerSupporterQuery(id), ResponseTypes.optionalInstanceOf(String.class))
                .join();
    }

    List<TimelineEntry> timeline(IncidentId id, TimelineAudience audience) {
        return queries.query(new FindTimelineQuery(id, audience), ResponseTypes.multipleInstancesOf(TimelineEntry.class))
                .join();
    }

    List<MyReport> myReports(String username) {
        return queries.query(new FindMyReportsQuery(username), ResponseTypes.multipleInstancesOf(MyReport.class)).join();
    }
}
