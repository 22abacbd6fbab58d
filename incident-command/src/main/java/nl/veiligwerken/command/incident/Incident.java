package nl.veiligwerken.command.incident;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.aftercare.RecordAftercareTalkCommand;
import nl.veiligwerken.api.analysis.IncidentAnalysedEvent;
import nl.veiligwerken.api.analysis.LearningPoint;
import nl.veiligwerken.api.analysis.PreventiveMeasure;
import nl.veiligwerken.api.analysis.RecordIncidentAnalysisCommand;
import nl.veiligwerken.api.closing.CloseIncidentCommand;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.closing.ReopenIncidentCommand;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.feedback.GiveFeedbackCommand;
import nl.veiligwerken.api.firstsupport.AssignPeerSupporterCommand;
import nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.firstsupport.RecordFirstSupportCommand;
import nl.veiligwerken.api.followup.AggressorResponseRecordedEvent;
import nl.veiligwerken.api.followup.CompleteFollowUpActionCommand;
import nl.veiligwerken.api.followup.FollowUpActionCompletedEvent;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import nl.veiligwerken.api.followup.FollowUpKind;
import nl.veiligwerken.api.followup.LabourInspectorateNotifiedEvent;
import nl.veiligwerken.api.followup.PlanFollowUpActionCommand;
import nl.veiligwerken.api.followup.RecordAggressorResponseCommand;
import nl.veiligwerken.api.followup.RecordLabourInspectorateNotificationCommand;
import nl.veiligwerken.api.protocol.ProtocolAgreement;
import nl.veiligwerken.api.protocol.ProtocolAgreementAdoptedEvent;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.AmendReportCommand;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.ReportIncidentCommand;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.command.protocol.AgreementRules;
import nl.veiligwerken.command.protocol.DueTimes;
import nl.veiligwerken.command.protocol.ProtocolBook;
import nl.veiligwerken.command.protocol.StepPolicy;
import nl.veiligwerken.command.protocol.StepRequirements;
import nl.veiligwerken.platform.retention.IncidentKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One reported incident and the protocol steps it goes through, held to the version of the agreements in
 * force when it was reported. Every step command carries the version the person saw: any change since then
 * refuses it (the person reloads and decides again on what is there now).
 */
@Aggregate
class Incident {

    /** A step or action that became a task and is not done yet. */
    private record OpenTask(ProtocolStep step, Instant dueAt, Role assigneeRole, String assignee) {
    }

    /** The deadline at the end of the retention term, scheduled at closing. */
    static final String ERASURE = "personal-data-erasure";

    private static final List<ProtocolStep> AFTERCARE_ORDER =
            List.of(ProtocolStep.AFTERCARE_TALK, ProtocolStep.FIRST_CHECK_IN, ProtocolStep.SECOND_CHECK_IN);

    @AggregateIdentifier
    private IncidentId incidentId;
    private TeamId teamId;
    private String reportedBy;
    private String affectedPerson;
    private Instant reportedAt;
    private ReportContent report;
    private int protocolVersion;
    private final Map<TaskId, OpenTask> openTasks = new LinkedHashMap<>();
    private final Set<ProtocolStep> everScheduled = EnumSet.noneOf(ProtocolStep.class);
    private boolean firstSupportRecorded;
    /** Who a leader assigned to give first support (the latest assignment), or null. */
    private String assignedPeerSupporter;
    private int aftercareTalks;
    private Instant firstTalkAt;
    private boolean firstTalkHeld;
    private Instant lastTalkAt;
    private boolean needForHelpSignalled;
    private AftercareOutcome lastAftercareOutcome;
    private boolean aggressorResponseRecorded;
    private boolean labourInspectorateNotified;
    private boolean analysed;
    private boolean feedbackGiven;
    private final Map<ActionId, String> openActions = new HashMap<>();
    private final Set<ActionId> plannedActions = new HashSet<>();
    private boolean closed;
    private boolean erased;

    Incident() {
        // for Axon: rebuilt from its events
    }

    /**
     * Records the report and schedules every step it requires under the agreements in force now.
     *
     * @return the incident's version after the report, for optimistic concurrency of later commands
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(ReportIncidentCommand command, ProtocolBook protocol, DueTimes dueTimes, DeadlineManager deadlines) {
        checkContent(command.content(), command.reportedAt());
        String reportedFor = command.reportedFor() == null || command.reportedFor().isBlank()
                || command.reportedFor().equals(command.reportedBy()) ? null : command.reportedFor();
        ProtocolAgreement agreement = protocol.inForceAt(command.reportedAt());
        apply(new IncidentReportedEvent(command.incidentId(), command.teamId(), command.reportedBy(), reportedFor,
                command.reportedAt(), tidy(command.content()), command.supportWanted(), agreement.version()));
        scheduleRequiredByReport(agreement, command.reportedAt(), dueTimes, deadlines);
        return AggregateLifecycle.getVersion();
    }

    /**
     * Replaces the report's content; the earlier content stays in the history. Steps the new content requires
     * that were not scheduled yet are scheduled now, counted from the original report (the Labour
     * Inspectorate from today: the duty starts when the injury becomes known).
     */
    @CommandHandler
    long handle(AmendReportCommand command, ConflictResolver conflicts, ProtocolBook protocol, DueTimes dueTimes,
                DeadlineManager deadlines) {
        requireNotErased();
        conflicts.detectConflicts(Incident::changedBySomeoneElse);
        Actor actor = command.amendedBy();
        if (!actor.username().equals(reportedBy) && !actor.leads(teamId)) {
            throw new IncidentForbiddenException("incident.rejected.notReporterOrLeader");
        }
        requireOpen();
        checkContent(command.content(), command.amendedAt());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IncidentRejectedException("incident.rejected.noAmendReason", "reason");
        }
        apply(new ReportAmendedEvent(incidentId, tidy(command.content()), command.reason().strip(), actor.username(),
                command.amendedAt()));
        ProtocolAgreement agreement = protocol.version(protocolVersion);
        withdrawNoLongerRequired(agreement, command.amendedAt(), deadlines);
        scheduleRequiredByReport(agreement, command.amendedAt(), dueTimes, deadlines);
        scheduleNextCheckIn(agreement, command.amendedAt(), dueTimes, deadlines);
        return AggregateLifecycle.getVersion();
    }

    private static void checkContent(ReportContent content, Instant now) {
        if (content.kinds().isEmpty()) {
            throw new IncidentRejectedException("incident.rejected.noKinds", "kinds");
        }
        if (content.occurredAt() == null) {
            throw new IncidentRejectedException("incident.report.occurredAt.required", "occurredAt");
        }
        if (content.occurredAt().isAfter(now.plus(StepPolicy.CLOCK_SKEW))) {
            throw new IncidentRejectedException("incident.rejected.occurredInFuture", "occurredAt");
        }
        if (content.setting() == null) {
            throw new IncidentRejectedException("incident.report.setting.required", "setting");
        }
        if (content.severity() == null) {
            throw new IncidentRejectedException("incident.report.severity.required", "severity");
        }
        if (content.description() == null || content.description().isBlank()) {
            throw new IncidentRejectedException("incident.rejected.noDescription", "description");
        }
        if (!ReportRules.isPseudonymousReference(content.clientReference())) {
            throw new IncidentRejectedException("incident.report.clientReference.invalid", "clientReference");
        }
    }

    private static ReportContent tidy(ReportContent content) {
        String reference = content.clientReference() == null || content.clientReference().isBlank() ? null
                : content.clientReference().strip().toUpperCase(Locale.ROOT);
        return new ReportContent(content.occurredAt(), content.setting(), content.kinds(), content.severity(),
                content.description().strip(), content.aggressor(), reference, content.injuries(),
                content.policeInvolved());
    }

    /**
     * Open tasks of the report's steps that the amended content no longer calls for are withdrawn, so they
     * neither block closing nor count as breaches. Check-ins stay: a talk asked for them.
     */
    private void withdrawNoLongerRequired(ProtocolAgreement agreement, Instant now, DeadlineManager deadlines) {
        List<Map.Entry<TaskId, OpenTask>> open = List.copyOf(openTasks.entrySet());
        for (Map.Entry<TaskId, OpenTask> task : open) {
            ProtocolStep step = task.getValue().step();
            boolean reportStep = step.isAgreed() && !step.isAftercare() || step == ProtocolStep.AFTERCARE_TALK;
            if (reportStep && agreement.step(step).filter(a -> StepRequirements.requiredByReport(a, report)).isEmpty()) {
                apply(new TaskWithdrawnEvent(task.getKey(), incidentId, teamId, step, now));
                deadlines.cancelAllWithinScope(deadlineName(step));
            }
        }
    }

    private void scheduleRequiredByReport(ProtocolAgreement agreement, Instant now, DueTimes dueTimes,
                                          DeadlineManager deadlines) {
        for (StepAgreement step : agreement.steps()) {
            if (!everScheduled.contains(step.step()) && !alreadyDone(step.step())
                    && StepRequirements.requiredByReport(step, report)) {
                Instant from = step.step() == ProtocolStep.LABOUR_INSPECTORATE ? now : reportedAt;
                schedule(step, now, StepRequirements.dueAt(step, from, dueTimes), deadlines);
            }
        }
    }

    /**
     * A step taken before the report called for it (a response to an aggressor who was unknown then, an
     * analysis of an incident raised to serious afterwards) needs no task: it could never be done again.
     */
    private boolean alreadyDone(ProtocolStep step) {
        return switch (step) {
            case FIRST_SUPPORT -> firstSupportRecorded;
            case AFTERCARE_TALK -> aftercareTalks > 0;
            case AGGRESSOR_RESPONSE -> aggressorResponseRecorded;
            case FEEDBACK -> feedbackGiven;
            case INCIDENT_ANALYSIS -> analysed;
            case LABOUR_INSPECTORATE -> labourInspectorateNotified;
            // check-ins follow the talks (scheduleNextCheckIn); actions are planned, not required
            case FIRST_CHECK_IN, SECOND_CHECK_IN, FOLLOW_UP_ACTION -> false;
        };
    }

    /**
     * Another person's step, an amendment or a closing in between makes the version someone saw stale; a task
     * falling overdue does not: it changes nothing they decided on, and they could never win against the clock.
     */
    private static boolean changedBySomeoneElse(List<DomainEventMessage<?>> changes) {
        return changes.stream().anyMatch(change -> !(change.getPayload() instanceof TaskOverdueEvent));
    }

    /**
     * A step becomes a task with a persistent deadline at its due time. A due time already past (a check-in
     * counted from a talk recorded weeks later) fires at once and makes the task overdue.
     */
    private void schedule(StepAgreement step, Instant scheduledAt, Instant dueAt, DeadlineManager deadlines) {
        apply(new TaskScheduledEvent(taskId(step.step()), incidentId, teamId, step.step(), step.assignee(),
                scheduledAt, dueAt, null));
        deadlines.schedule(dueAt, deadlineName(step.step()), step.step());
    }

    private static String deadlineName(ProtocolStep step) {
        return TaskDeadlines.name(step);
    }

    private static String deadlineName(ActionId action) {
        return TaskDeadlines.name(action);
    }

    /** An agreed step still open at its due time: who hears of it is what the incident's agreements say. */
    @DeadlineHandler
    void stepDue(ProtocolStep step, ProtocolBook protocol) {
        Role escalateTo = protocol.version(protocolVersion).step(step).map(StepAgreement::escalateTo).orElse(null);
        openTasks.entrySet().stream()
                .filter(task -> task.getValue().step() == step)
                .findFirst()
                .ifPresent(task -> overdue(task.getKey(), task.getValue(), escalateTo));
    }

    /**
     * A follow-up action still open at its due time. Actions are planned by a leader of the team, not agreed:
     * no agreement names who hears, so the team's leaders do, who planned it and follow it up.
     */
    @DeadlineHandler
    void actionDue(TaskId task) {
        OpenTask open = openTasks.get(task);
        if (open != null) {
            overdue(task, open, Role.TEAM_LEADER);
        }
    }

    private void overdue(TaskId task, OpenTask open, Role escalateTo) {
        apply(new TaskOverdueEvent(task, incidentId, teamId, open.step(), open.dueAt(), open.assigneeRole(),
                open.assignee(), escalateTo));
    }

    /**
     * Records that first support was offered, and completes its task: on time or late. Taken by whom the
     * agreements give it, or by the peer supporter a leader assigned.
     */
    @CommandHandler
    long handle(RecordFirstSupportCommand command, ConflictResolver conflicts, ProtocolBook protocol,
                DeadlineManager deadlines) {
        requireNotErased();
        conflicts.detectConflicts(Incident::changedBySomeoneElse);
        // the peer supporter a leader assigned takes it too, whatever the agreements give the step to (while
        // they are a peer supporter: a role taken away takes the assignment with it)
        Actor actor = command.recordedBy();
        if (!actor.username().equals(assignedPeerSupporter) || !actor.has(Role.PEER_SUPPORTER)) {
            requireMayTake(command.recordedBy(), ProtocolStep.FIRST_SUPPORT, protocol);
        }
        requireOpen();
        if (firstSupportRecorded) {
            throw new IncidentRejectedException("incident.rejected.firstSupportAlreadyRecorded", null);
        }
        requirePlausible(command.offeredAt(), command.recordedAt(), "offeredAt");
        apply(new FirstSupportOfferedEvent(incidentId, command.offeredBy(), command.offeredAt(), command.response(),
                command.recordedBy().username(), command.recordedAt()));
        complete(ProtocolStep.FIRST_SUPPORT, command.offeredAt(), deadlines);
        return AggregateLifecycle.getVersion();
    }

    /**
     * A leader assigns a peer supporter to give first support; until it is recorded they may assign someone
     * else (the latest counts). Whether the person is a peer supporter of the team is the service's check: the
     * incident knows no accounts.
     */
    @CommandHandler
    long handle(AssignPeerSupporterCommand command, ConflictResolver conflicts) {
        requireNotErased();
        conflicts.detectConflicts(Incident::changedBySomeoneElse);
        requireLeader(command.assignedBy());
        requireOpen();
        if (firstSupportRecorded) {
            throw new IncidentRejectedException("incident.rejected.peerSupporterAfterFirstSupport", null);
        }
        if (command.peerSupporter() == null || command.peerSupporter().isBlank()) {
            throw new IncidentRejectedException("incident.peerSupporter.required", "peerSupporter");
        }
        String peerSupporter = command.peerSupporter().strip();
        if (peerSupporter.equals(assignedPeerSupporter)) {
            throw new IncidentRejectedException("incident.rejected.peerSupporterAlreadyAssigned", null);
        }
        apply(new PeerSupporterAssignedEvent(incidentId, teamId, peerSupporter, command.assignedBy().username(),
                command.assignedAt()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * An aftercare talk counts for the next aftercare step (talk, first check-in, second check-in); afterwards
     * it is an extra check-in. After the talk and the first check-in, the next check-in is scheduled when the
     * agreements, a need for help or a decline call for it; both check-ins count from the first talk.
     */
    @CommandHandler
    long handle(RecordAftercareTalkCommand command, ConflictResolver conflicts, ProtocolBook protocol,
                DueTimes dueTimes, DeadlineManager deadlines) {
        requireNotErased();
        conflicts.detectConflicts(Incident::changedBySomeoneElse);
        ProtocolStep step = aftercareTalks < AFTERCARE_ORDER.size() ? AFTERCARE_ORDER.get(aftercareTalks) : null;
        // a check-in is taken by whom the agreement gives it (its task says so); an extra one like the first talk
        requireMayTake(command.recordedBy(), step == null ? ProtocolStep.AFTERCARE_TALK : step, protocol);
        requireOpen();
        if (command.outcome() == null) {
            throw new IncidentRejectedException("incident.aftercare.outcome.required", "outcome");
        }
        requirePlausible(command.heldAt(), command.recordedAt(), "heldAt");
        boolean held = command.outcome() == AftercareOutcome.HELD;
        apply(new AftercareTalkRecordedEvent(incidentId, step, affectedPerson, command.heldAt(), command.outcome(),
                held && command.needsMoreHelp(), held ? command.referrals() : Set.of(),
                command.recordedBy().username(), command.recordedAt(), teamId));
        if (step != null) {
            complete(step, command.heldAt(), deadlines);
        }
        scheduleNextCheckIn(protocol.version(protocolVersion), command.recordedAt(), dueTimes, deadlines);
        return AggregateLifecycle.getVersion();
    }

    /**
     * The check-in that follows the talks held so far, counted from the first talk held (after a decline: offered
     * again a first check-in's term later), when the agreements, a need for help or a decline call for it and it
     * was not scheduled yet. Asked after each talk, and after an
     * amendment: a report raised to serious after the first talk needs its check-ins from then on.
     */
    private void scheduleNextCheckIn(ProtocolAgreement agreement, Instant now, DueTimes dueTimes,
                                     DeadlineManager deadlines) {
        if (aftercareTalks == 0 || aftercareTalks >= AFTERCARE_ORDER.size()) {
            return;
        }
        ProtocolStep next = AFTERCARE_ORDER.get(aftercareTalks);
        agreement.step(next)
                .filter(checkIn -> !everScheduled.contains(next))
                .filter(checkIn -> StepRequirements.checkInRequired(checkIn, report, needForHelpSignalled,
                        lastAftercareOutcome))
                .ifPresent(checkIn -> schedule(checkIn, now, StepRequirements.checkInDueAt(checkIn,
                        agreement.step(ProtocolStep.FIRST_CHECK_IN).orElse(checkIn), firstTalkAt, lastTalkAt,
                        lastAftercareOutcome, dueTimes), deadlines));
    }

    @CommandHandler
    long handle(RecordAggressorResponseCommand command, ConflictResolver conflicts, ProtocolBook protocol,
                DeadlineManager deadlines) {
        requireNotErased();
        conflicts.detectConflicts(Incident::changedBySomeoneElse);
        requireMayTake(command.recordedBy(), ProtocolStep.AGGRESSOR_RESPONSE, protocol);
        requireOpen();
        if (aggressorResponseRecorded) {
            throw new IncidentRejectedException("incident.rejected.aggressorResponseAlreadyRecorded", null);
        }
        if (command.responses().isEmpty()) {
            throw new IncidentRejectedException("incident.aggressorResponse.responses.required", "responses");
        }
        requirePlausible(command.respondedAt(), command.recordedAt(), "respondedAt");
        apply(new AggressorResponseRecordedEvent(incidentId, command.responses(), strip(command.explanation()),
                command.respondedAt(), command.recordedBy().username(), command.recordedAt()));
        complete(ProtocolStep.AGGRESSOR_RESPONSE, command.respondedAt(), deadlines);
        return AggregateLifecycle.getVersion();
    }

    /** A follow-up action becomes a task for its owner, due when the leader says (not in the past). */
    @CommandHandler
    long handle(PlanFollowUpActionCommand command, ConflictResolver conflicts, DeadlineManager deadlines) {
        requireNotErased();
        conflicts.detectConflicts(Incident::changedBySomeoneElse);
        requireLeader(command.plannedBy());
        requireOpen();
        if (command.actionId() == null) {
            throw new IncidentRejectedException("incident.action.actionId.required", null);
        }
        if (plannedActions.contains(command.actionId())) {
            throw new IncidentRejectedException("incident.rejected.actionAlreadyPlanned", null);
        }
        if (command.kind() == null) {
            throw new IncidentRejectedException("incident.action.kind.required", "kind");
        }
        plan(command.actionId(), command.kind(), command.description(), command.owner(), command.dueAt(),
                command.byEmployer(), command.plannedBy().username(), command.plannedAt(), "", deadlines);
        return AggregateLifecycle.getVersion();
    }

    private void plan(ActionId actionId, FollowUpKind kind, String description, String owner, Instant dueAt,
                      boolean byEmployer, String plannedBy, Instant plannedAt, String fieldPrefix,
                      DeadlineManager deadlines) {
        if (description == null || description.isBlank()) {
            throw new IncidentRejectedException("incident.action.description.required", fieldPrefix + "description");
        }
        if (owner == null || owner.isBlank()) {
            throw new IncidentRejectedException("incident.action.owner.required", fieldPrefix + "owner");
        }
        if (dueAt == null || dueAt.isBefore(plannedAt.minus(StepPolicy.CLOCK_SKEW))) {
            throw new IncidentRejectedException("incident.action.dueAt.past", fieldPrefix + "dueAt");
        }
        if (dueAt.isAfter(plannedAt.plus(Duration.ofDays(AgreementRules.MAX_DAYS)))) {
            // a year is as far as the agreements plan; further is a typing error (and beyond what a database stores)
            throw new IncidentRejectedException("incident.action.dueAt.tooFar", fieldPrefix + "dueAt");
        }
        TaskId task = taskId(actionId);
        apply(new FollowUpActionPlannedEvent(incidentId, actionId, kind, description.strip(), owner.strip(), dueAt,
                kind == FollowUpKind.POLICE_REPORT && byEmployer, plannedBy, plannedAt));
        apply(new TaskScheduledEvent(task, incidentId, teamId, ProtocolStep.FOLLOW_UP_ACTION, null, plannedAt, dueAt,
                owner.strip()));
        deadlines.schedule(dueAt, deadlineName(actionId), task);
    }

    /** The owner of the action, or a leader of the team, records it as done. */
    @CommandHandler
    long handle(CompleteFollowUpActionCommand command, ConflictResolver conflicts, DeadlineManager deadlines) {
        requireNotErased();
        conflicts.detectConflicts(Incident::changedBySomeoneElse);
        String owner = openActions.get(command.actionId());
        if (owner == null) {
            throw new IncidentRejectedException(plannedActions.contains(command.actionId())
                    ? "incident.rejected.actionAlreadyDone" : "incident.rejected.noSuchAction", null);
        }
        if (!command.completedBy().leads(teamId) && !command.completedBy().username().equals(owner)) {
            throw new IncidentForbiddenException("incident.rejected.notOwnerOrLeader");
        }
        requireOpen();
        requirePlausible(command.completedAt(), command.recordedAt(), "completedAt");
        apply(new FollowUpActionCompletedEvent(incidentId, command.actionId(), strip(command.result()),
                command.completedAt(), command.completedBy().username(), command.recordedAt()));
        TaskId task = taskId(command.actionId());
        OpenTask open = openTasks.get(task);
        apply(new TaskCompletedEvent(task, incidentId, teamId, ProtocolStep.FOLLOW_UP_ACTION, open.dueAt(),
                command.completedAt(), StepPolicy.isLate(command.completedAt(), open.dueAt())));
        deadlines.cancelAllWithinScope(deadlineName(command.actionId()));
        return AggregateLifecycle.getVersion();
    }

    /** Feedback to the reporter: the first completes the step, later feedback keeps them informed. */
    @CommandHandler
    long handle(GiveFeedbackCommand command, ConflictResolver conflicts, ProtocolBook protocol,
                DeadlineManager deadlines) {
        requireNotErased();
        conflicts.detectConflicts(Incident::changedBySomeoneElse);
        requireMayTake(command.givenBy(), ProtocolStep.FEEDBACK, protocol);
        requireOpen();
        if (command.message() == null || command.message().isBlank()) {
            throw new IncidentRejectedException("incident.feedback.message.required", "message");
        }
        apply(new FeedbackGivenEvent(incidentId, reportedBy, command.message().strip(), command.givenBy().username(),
                command.givenAt(), teamId));
        complete(ProtocolStep.FEEDBACK, command.givenAt(), deadlines);
        return AggregateLifecycle.getVersion();
    }

    /** The analysis, once; each preventive measure becomes a follow-up action with its owner and due time. */
    @CommandHandler
    long handle(RecordIncidentAnalysisCommand command, ConflictResolver conflicts, ProtocolBook protocol,
                DeadlineManager deadlines) {
        requireNotErased();
        conflicts.detectConflicts(Incident::changedBySomeoneElse);
        requireMayTake(command.analysedBy(), ProtocolStep.INCIDENT_ANALYSIS, protocol);
        requireOpen();
        if (analysed) {
            throw new IncidentRejectedException("incident.rejected.alreadyAnalysed", null);
        }
        if (command.causes() == null || command.causes().isBlank()) {
            throw new IncidentRejectedException("incident.analysis.causes.required", "causes");
        }
        for (int i = 0; i < command.learningPoints().size(); i++) {
            LearningPoint point = command.learningPoints().get(i);
            if (point.level() == null) {
                throw new IncidentRejectedException("incident.analysis.level.required", "learningPoints[" + i + "].level");
            }
            if (point.text() == null || point.text().isBlank()) {
                throw new IncidentRejectedException("incident.analysis.text.required", "learningPoints[" + i + "].text");
            }
        }
        List<ActionId> measureIds = command.measures().stream().map(PreventiveMeasure::actionId).toList();
        if (measureIds.contains(null)) {
            throw new IncidentRejectedException("incident.action.actionId.required", "measures");
        }
        if (measureIds.stream().anyMatch(plannedActions::contains) || Set.copyOf(measureIds).size() != measureIds.size()) {
            throw new IncidentRejectedException("incident.rejected.actionAlreadyPlanned", "measures");
        }
        apply(new IncidentAnalysedEvent(incidentId, command.causes().strip(), strip(command.riskFactors()),
                command.learningPoints().stream()
                        .map(p -> new LearningPoint(p.level(), p.skill(), p.text().strip())).toList(),
                command.analysedBy().username(), command.analysedAt()));
        for (int i = 0; i < command.measures().size(); i++) {
            PreventiveMeasure measure = command.measures().get(i);
            plan(measure.actionId(), FollowUpKind.PREVENTIVE_MEASURE, measure.description(), measure.owner(),
                    measure.dueAt(), false, command.analysedBy().username(), command.analysedAt(),
                    "measures[" + i + "].", deadlines);
        }
        complete(ProtocolStep.INCIDENT_ANALYSIS, command.analysedAt(), deadlines);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordLabourInspectorateNotificationCommand command, ConflictResolver conflicts,
                ProtocolBook protocol, DeadlineManager deadlines) {
        requireNotErased();
        conflicts.detectConflicts(Incident::changedBySomeoneElse);
        requireMayTake(command.recordedBy(), ProtocolStep.LABOUR_INSPECTORATE, protocol);
        requireOpen();
        if (labourInspectorateNotified) {
            throw new IncidentRejectedException("incident.rejected.labourInspectorateAlreadyNotified", null);
        }
        requirePlausible(command.notifiedAt(), command.recordedAt(), "notifiedAt");
        apply(new LabourInspectorateNotifiedEvent(incidentId, command.notifiedAt(), strip(command.reference()),
                command.recordedBy().username(), command.recordedAt()));
        complete(ProtocolStep.LABOUR_INSPECTORATE, command.notifiedAt(), deadlines);
        return AggregateLifecycle.getVersion();
    }

    /** Closing is refused while a required step or an action is still open, naming them. */
    @CommandHandler
    long handle(CloseIncidentCommand command, ConflictResolver conflicts, ProtocolBook protocol, DueTimes dueTimes,
                DeadlineManager deadlines) {
        requireNotErased();
        conflicts.detectConflicts(Incident::changedBySomeoneElse);
        requireLeader(command.closedBy());
        requireOpen();
        if (!openTasks.isEmpty()) {
            throw new StepsStillOpenException(openTasks.values().stream().map(OpenTask::step).distinct().sorted().toList());
        }
        apply(new IncidentClosedEvent(incidentId, command.closedBy().username(), command.closedAt()));
        ErasureDeadline.schedule(deadlines, dueTimes, incidentId, command.closedAt(),
                protocol.version(protocolVersion).retentionYears());
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReopenIncidentCommand command, ConflictResolver conflicts, DeadlineManager deadlines) {
        requireNotErased();
        conflicts.detectConflicts(Incident::changedBySomeoneElse);
        requireLeader(command.reopenedBy());
        if (!closed) {
            throw new IncidentRejectedException("incident.rejected.notClosed", null);
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IncidentRejectedException("incident.rejected.noReopenReason", "reason");
        }
        apply(new IncidentReopenedEvent(incidentId, command.reason().strip(), command.reopenedBy().username(),
                command.reopenedAt()));
        // the term runs from the closing: closed again, it starts anew
        deadlines.cancelAllWithinScope(ERASURE);
        return AggregateLifecycle.getVersion();
    }

    /**
     * The retention term of the closed incident ran out (its agreements' term after closing): its personal data
     * is erased by deleting its key, in the same transaction as the event that says so. Its events stay, their
     * personal fields read as null from now on; what counts in the figures remains.
     */
    @DeadlineHandler(deadlineName = ERASURE)
    void retentionTermEnded(IncidentId incident, IncidentKeys keys, Clock clock) {
        if (!closed || erased) {
            return; // reopened meanwhile (its deadline is cancelled then), or erased already
        }
        apply(new PersonalDataErasedEvent(incidentId, teamId, clock.instant()));
        keys.erase(incidentId.value());
    }

    private void requireLeader(Actor actor) {
        if (!actor.leads(teamId)) {
            throw new IncidentForbiddenException("incident.rejected.notTeamLeader");
        }
    }

    private void requireMayTake(Actor actor, ProtocolStep step, ProtocolBook protocol) {
        StepAgreement agreement = protocol.version(protocolVersion).step(step).orElse(null);
        if (!StepRequirements.mayTake(actor, teamId, agreement)) {
            throw new IncidentForbiddenException("incident.rejected.stepNotYours");
        }
    }

    /** After the retention term nothing can be recorded any more: the incident stays closed for good. */
    private void requireNotErased() {
        if (erased) {
            throw new IncidentRejectedException("incident.rejected.erased", null);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IncidentRejectedException("incident.rejected.closed", null);
        }
    }

    /** A step happened after the incident, and not in the future (allowing for a phone's clock). */
    private void requirePlausible(Instant moment, Instant now, String field) {
        if (moment == null) {
            throw new IncidentRejectedException("incident.rejected.momentMissing", field);
        }
        if (moment.isBefore(report.occurredAt())) {
            throw new IncidentRejectedException("incident.rejected.beforeIncident", field);
        }
        if (moment.isAfter(now.plus(StepPolicy.CLOCK_SKEW))) {
            throw new IncidentRejectedException("incident.rejected.inFuture", field);
        }
    }

    /** Done on time or late; a done task needs no deadline any more. */
    private void complete(ProtocolStep step, Instant doneAt, DeadlineManager deadlines) {
        TaskId task = taskId(step);
        OpenTask open = openTasks.get(task);
        if (open != null) {
            apply(new TaskCompletedEvent(task, incidentId, teamId, step, open.dueAt(), doneAt,
                    StepPolicy.isLate(doneAt, open.dueAt())));
            deadlines.cancelAllWithinScope(deadlineName(step));
        }
    }

    private TaskId taskId(ProtocolStep step) {
        return TaskDeadlines.task(incidentId, step);
    }

    private TaskId taskId(ActionId action) {
        return TaskDeadlines.task(incidentId, action);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent event) {
        incidentId = event.incidentId();
        teamId = event.teamId();
        reportedBy = event.reportedBy();
        affectedPerson = event.affectedPerson();
        reportedAt = event.reportedAt();
        report = event.content();
        protocolVersion = event.protocolVersion();
    }

    @EventSourcingHandler
    void on(ReportAmendedEvent event) {
        report = event.content();
    }

    @EventSourcingHandler
    void on(TaskScheduledEvent event) {
        openTasks.put(event.taskId(), new OpenTask(event.step(), event.dueAt(), event.assigneeRole(), event.assignee()));
        everScheduled.add(event.step());
    }

    @EventSourcingHandler
    void on(TaskCompletedEvent event) {
        openTasks.remove(event.taskId());
    }

    @EventSourcingHandler
    void on(TaskWithdrawnEvent event) {
        openTasks.remove(event.taskId());
        // required again by a later amendment: then it is scheduled anew
        everScheduled.remove(event.step());
    }

    @EventSourcingHandler
    void on(FirstSupportOfferedEvent event) {
        firstSupportRecorded = true;
    }

    @EventSourcingHandler
    void on(PeerSupporterAssignedEvent event) {
        assignedPeerSupporter = event.peerSupporter();
    }

    @EventSourcingHandler
    void on(AftercareTalkRecordedEvent event) {
        aftercareTalks++;
        // check-ins count from the first talk that took place; until one did, from the first offer
        if (firstTalkAt == null || !firstTalkHeld && event.outcome() == AftercareOutcome.HELD) {
            firstTalkAt = event.heldAt();
            firstTalkHeld = event.outcome() == AftercareOutcome.HELD;
        }
        lastTalkAt = event.heldAt();
        needForHelpSignalled |= event.needsMoreHelp();
        lastAftercareOutcome = event.outcome();
    }

    @EventSourcingHandler
    void on(AggressorResponseRecordedEvent event) {
        aggressorResponseRecorded = true;
    }

    @EventSourcingHandler
    void on(FollowUpActionPlannedEvent event) {
        plannedActions.add(event.actionId());
        openActions.put(event.actionId(), event.owner());
    }

    @EventSourcingHandler
    void on(FollowUpActionCompletedEvent event) {
        openActions.remove(event.actionId());
    }

    @EventSourcingHandler
    void on(FeedbackGivenEvent event) {
        feedbackGiven = true;
    }

    @EventSourcingHandler
    void on(IncidentAnalysedEvent event) {
        analysed = true;
    }

    @EventSourcingHandler
    void on(LabourInspectorateNotifiedEvent event) {
        labourInspectorateNotified = true;
    }

    @EventSourcingHandler
    void on(IncidentClosedEvent event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(IncidentReopenedEvent event) {
        closed = false;
    }

    @EventSourcingHandler
    void on(PersonalDataErasedEvent event) {
        erased = true;
    }
}
