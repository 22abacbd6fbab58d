package nl.veiligwerken.query.timeline;

import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.analysis.IncidentAnalysedEvent;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.followup.AggressorResponse;
import nl.veiligwerken.api.followup.AggressorResponseRecordedEvent;
import nl.veiligwerken.api.followup.FollowUpActionCompletedEvent;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.followup.LabourInspectorateNotifiedEvent;
import nl.veiligwerken.api.aftercare.Referral;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.query.queries.FindIncidentsNamingPersonQuery;
import nl.veiligwerken.query.queries.FindTimelineQuery;
import nl.veiligwerken.query.queries.TimelineEntry;
import nl.veiligwerken.query.queries.TimelineEntryType;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Every step of an incident as one row, for the timeline on the incident's page: what happened, when, by whom,
 * and whether a task was done on time. Keyed on the event's identifier, so a replay writes each row once.
 */
@Component
@ProcessingGroup(TimelineProjection.PROCESSOR)
class TimelineProjection {

    static final String PROCESSOR = "timeline";

    private final TimelineRepository timeline;

    TimelineProjection(TimelineRepository timeline) {
        this.timeline = timeline;
    }

    @EventHandler
    void on(IncidentReportedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.REPORTED, event.reportedAt(),
                event.reportedBy()).person(event.reportedFor()));
    }

    @EventHandler
    void on(ReportAmendedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.AMENDED, event.amendedAt(),
                event.amendedBy()).text(event.reason()));
    }

    @EventHandler
    void on(TaskScheduledEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.TASK_SCHEDULED,
                event.scheduledAt(), null).person(event.assignee()).assigneeRole(event.assigneeRole())
                .step(event.step()).dueAt(event.dueAt()));
    }

    @EventHandler
    void on(PeerSupporterAssignedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.PEER_SUPPORTER_ASSIGNED,
                event.assignedAt(), event.assignedBy()).person(event.peerSupporter()));
    }

    @EventHandler
    void on(FirstSupportOfferedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.FIRST_SUPPORT_OFFERED,
                event.offeredAt(), event.offeredBy()).outcome(name(event.response())));
    }

    @EventHandler
    void on(AftercareTalkRecordedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.AFTERCARE_TALK, event.heldAt(),
                event.recordedBy()).person(event.colleague()).step(event.step()).outcome(name(event.outcome()))
                .codes(inDeclarationOrder(Referral.values(), event.referrals()))
                .needsMoreHelp(event.needsMoreHelp()));
    }

    @EventHandler
    void on(AggressorResponseRecordedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.AGGRESSOR_RESPONSE,
                event.respondedAt(), event.recordedBy())
                .codes(inDeclarationOrder(AggressorResponse.values(), event.responses()))
                .text(event.explanation()));
    }

    @EventHandler
    void on(FollowUpActionPlannedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.ACTION_PLANNED,
                event.plannedAt(), event.plannedBy()).person(event.owner()).dueAt(event.dueAt())
                .outcome(name(event.kind())).actionId(event.actionId().value()).text(event.description()));
    }

    /** The completion names the action only by id: it takes the kind from the planned action's row. */
    @EventHandler
    void on(FollowUpActionCompletedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.ACTION_COMPLETED,
                event.completedAt(), event.completedBy())
                .outcome(timeline.kindOfAction(event.incidentId(), event.actionId().value()).orElse(null))
                .actionId(event.actionId().value()).text(event.result()));
    }

    @EventHandler
    void on(FeedbackGivenEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.FEEDBACK_GIVEN,
                event.givenAt(), event.givenBy()).person(event.reporter()).text(event.message()));
    }

    @EventHandler
    void on(IncidentAnalysedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.ANALYSED, event.analysedAt(),
                event.analysedBy()).text(event.causes()));
    }

    @EventHandler
    void on(LabourInspectorateNotifiedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.LABOUR_INSPECTORATE_NOTIFIED,
                event.notifiedAt(), event.recordedBy()).text(event.reference()));
    }

    @EventHandler
    void on(TaskCompletedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.TASK_COMPLETED,
                event.completedAt(), null).step(event.step()).dueAt(event.dueAt()).late(event.late()));
    }

    /** Recorded at the due time itself: that is when the agreement was broken. */
    @EventHandler
    void on(TaskOverdueEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.TASK_OVERDUE, event.dueAt(),
                null).step(event.step()).dueAt(event.dueAt()));
    }

    @EventHandler
    void on(TaskWithdrawnEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.TASK_WITHDRAWN,
                event.withdrawnAt(), null).step(event.step()));
    }

    @EventHandler
    void on(IncidentClosedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.CLOSED, event.closedAt(),
                event.closedBy()));
    }

    @EventHandler
    void on(IncidentReopenedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        timeline.save(event.incidentId(), entry(eventId, sequence, TimelineEntryType.REOPENED, event.reopenedAt(),
                event.reopenedBy()).text(event.reason()));
    }

    /**
     * After the retention term the steps stay (what, when, on time or late) but not who took them, whom they
     * named, their notes or the referrals of an aftercare talk. Not an entry of its own: the incident's page says
     * it was erased.
     */
    @EventHandler
    void on(PersonalDataErasedEvent event) {
        timeline.erase(event.incidentId());
    }

    @QueryHandler
    List<IncidentId> handle(FindIncidentsNamingPersonQuery query) {
        return timeline.incidentsNaming(query.username());
    }

    /** Filtered in the view itself, so what the reporter may not read never leaves it for them. */
    @QueryHandler
    List<TimelineEntry> handle(FindTimelineQuery query) {
        return timeline.of(query.incidentId()).stream().map(entry -> entry.as(query.audience())).toList();
    }

    @ResetHandler
    void reset() {
        timeline.deleteAll();
    }

    private static EntryBuilder entry(String eventId, long sequence, TimelineEntryType type, Instant at,
                                      String actor) {
        return new EntryBuilder(eventId, sequence, type, at, actor);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** An erased event's sets read as empty; null is taken the same way. */
    private static <E extends Enum<E>> List<String> inDeclarationOrder(E[] all, Set<E> chosen) {
        if (chosen == null) {
            return List.of();
        }
        return Arrays.stream(all).filter(chosen::contains).map(Enum::name).toList();
    }
}
