package nl.veiligwerken.query.myreports;

import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.analysis.IncidentAnalysedEvent;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.followup.AggressorResponseRecordedEvent;
import nl.veiligwerken.api.followup.FollowUpActionCompletedEvent;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.followup.LabourInspectorateNotifiedEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.query.queries.FindMyReportsQuery;
import nl.veiligwerken.query.queries.MyReport;
import nl.veiligwerken.query.queries.MyReportStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The reporter's own reports with their status and the feedback they were given: what a reporter misses first
 * when it is not there. The status moves on with the version guard of the repository, so an event delivered
 * again after a later one never turns it back.
 */
@Component
@ProcessingGroup(MyReportProjection.PROCESSOR)
class MyReportProjection {

    static final String PROCESSOR = "my-reports";

    private final MyReportRepository reports;

    MyReportProjection(MyReportRepository reports) {
        this.reports = reports;
    }

    /**
     * A report whose reporter is no longer known (its personal data erased after the retention term, read again
     * in a replay) is nobody's report: it gets no row, and the steps after it find none to move on.
     */
    @EventHandler
    void on(IncidentReportedEvent event, @SequenceNumber long sequence) {
        if (event.reportedBy() != null) {
            reports.save(event, sequence);
        }
    }

    @EventHandler
    void on(ReportAmendedEvent event, @SequenceNumber long sequence) {
        reports.amend(event.incidentId(), event.content(), sequence);
    }

    // Each step someone took after the report puts a new report in progress. Scheduled, overdue and withdrawn
    // tasks do not: the protocol did those by itself, nobody acted yet.

    @EventHandler
    void on(PeerSupporterAssignedEvent event, @SequenceNumber long sequence) {
        reports.stepTaken(event.incidentId(), sequence);
    }

    @EventHandler
    void on(FirstSupportOfferedEvent event, @SequenceNumber long sequence) {
        reports.stepTaken(event.incidentId(), sequence);
    }

    @EventHandler
    void on(AftercareTalkRecordedEvent event, @SequenceNumber long sequence) {
        reports.stepTaken(event.incidentId(), sequence);
    }

    @EventHandler
    void on(AggressorResponseRecordedEvent event, @SequenceNumber long sequence) {
        reports.stepTaken(event.incidentId(), sequence);
    }

    @EventHandler
    void on(FollowUpActionPlannedEvent event, @SequenceNumber long sequence) {
        reports.stepTaken(event.incidentId(), sequence);
    }

    @EventHandler
    void on(FollowUpActionCompletedEvent event, @SequenceNumber long sequence) {
        reports.stepTaken(event.incidentId(), sequence);
    }

    @EventHandler
    void on(LabourInspectorateNotifiedEvent event, @SequenceNumber long sequence) {
        reports.stepTaken(event.incidentId(), sequence);
    }

    @EventHandler
    void on(IncidentAnalysedEvent event, @SequenceNumber long sequence) {
        reports.stepTaken(event.incidentId(), sequence);
    }

    @EventHandler
    void on(FeedbackGivenEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        reports.saveFeedback(eventId, event);
        reports.stepTaken(event.incidentId(), sequence);
    }

    @EventHandler
    void on(IncidentClosedEvent event, @SequenceNumber long sequence) {
        reports.status(event.incidentId(), MyReportStatus.CLOSED, sequence);
    }

    @EventHandler
    void on(IncidentReopenedEvent event, @SequenceNumber long sequence) {
        reports.status(event.incidentId(), MyReportStatus.REOPENED, sequence);
    }

    /** After the retention term the reporter is no longer known: the report and its feedback leave the list. */
    @EventHandler
    void on(PersonalDataErasedEvent event) {
        reports.delete(event.incidentId());
    }

    @QueryHandler
    List<MyReport> handle(FindMyReportsQuery query) {
        return reports.reportsOf(query.username());
    }

    @ResetHandler
    void reset() {
        reports.deleteAll();
    }
}
