package nl.veiligwerken.query.review;

import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.analysis.IncidentAnalysedEvent;
import nl.veiligwerken.api.followup.FollowUpActionCompletedEvent;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.query.queries.FindOrganisationReviewQuery;
import nl.veiligwerken.query.queries.FindQuarterlyReviewQuery;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.query.queries.QuarterlyReview;
import nl.veiligwerken.query.queries.TeamReview;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The quarterly team review (kwartaalevaluatie, step 6 of the method): per team and quarter what happened (kinds,
 * severity, setting), whether aftercare reached the colleagues who needed it, the follow-up actions and preventive
 * measures planned, and the learning points with the skills they point to (the training needs).
 */
@Component
@ProcessingGroup(ReviewProjection.PROCESSOR)
class ReviewProjection {

    static final String PROCESSOR = "review";

    private final ReviewRepository reviews;
    private final ZoneId zone;

    ReviewProjection(ReviewRepository reviews, OrganisationTime time) {
        this.reviews = reviews;
        this.zone = time.zone();
    }

    @EventHandler
    void on(IncidentReportedEvent event) {
        reviews.saveIncident(event.incidentId(), event.teamId(), quarter(event.reportedAt()), event.content());
    }

    /** A corrected report counts as it reads now, still in the quarter it came in. */
    @EventHandler
    void on(ReportAmendedEvent event) {
        reviews.amend(event.incidentId(), event.content());
    }

    /** Every incident gets a first aftercare talk by default; the agreements decide, so the task is the evidence. */
    @EventHandler
    void on(TaskScheduledEvent event) {
        if (event.step() == ProtocolStep.AFTERCARE_TALK) {
            reviews.aftercareNeeded(event.incidentId(), true);
        }
    }

    @EventHandler
    void on(TaskWithdrawnEvent event) {
        if (event.step() == ProtocolStep.AFTERCARE_TALK) {
            reviews.aftercareNeeded(event.incidentId(), false);
        }
    }

    /** Given: the aftercare talk took place. A declined talk is not aftercare given (it is offered again). */
    @EventHandler
    void on(AftercareTalkRecordedEvent event) {
        if (event.step() == ProtocolStep.AFTERCARE_TALK && event.outcome() == AftercareOutcome.HELD) {
            reviews.aftercareGiven(event.incidentId());
        }
    }

    @EventHandler
    void on(FollowUpActionPlannedEvent event) {
        reviews.saveAction(event.actionId(), event.incidentId(), quarter(event.plannedAt()), event.kind(),
                event.description(), event.plannedAt(), event.dueAt());
    }

    @EventHandler
    void on(FollowUpActionCompletedEvent event) {
        reviews.completeAction(event.actionId(), event.completedAt());
    }

    @EventHandler
    void on(IncidentAnalysedEvent event) {
        reviews.saveLearningPoints(event.incidentId(), quarter(event.analysedAt()), event.learningPoints());
    }

    /**
     * After the retention term the incident still counts, with its actions, learning points and preventive
     * measures (what the team learnt, not about whom); what its other follow-up actions said goes, as they may
     * name the people involved.
     */
    @EventHandler
    void on(PersonalDataErasedEvent event) {
        reviews.erase(event.incidentId());
    }

    @QueryHandler
    QuarterlyReview handle(FindQuarterlyReviewQuery query) {
        return reviews.review(query.team(), query.quarter());
    }

    @QueryHandler
    List<TeamReview> handle(FindOrganisationReviewQuery query) {
        return reviews.reviews(query.quarter(), null).entrySet().stream()
                .map(e -> new TeamReview(e.getKey(), e.getValue())).toList();
    }

    @ResetHandler
    void reset() {
        reviews.deleteAll();
    }

    private Quarter quarter(Instant at) {
        return Quarter.of(at, zone);
    }
}
