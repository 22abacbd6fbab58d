package nl.veiligwerken.command.publishing;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.aftercare.AftercareTalkNotice;
import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.feedback.FeedbackGivenNotice;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.IncidentReportedNotice;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;

import java.util.Optional;
import java.util.function.Function;

/**
 * The explicit choice of what leaves this service: each domain event another service needs maps to its
 * published type and shape. Anything not listed here stays inside. Feedback and aftercare talks leave as
 * notices: who and when, never what was said to the reporter or which referrals the colleague got. The erasure of
 * an incident's personal data leaves too, so that whoever keeps a copy of any of it drops it.
 */
final class PublishedMessages {

    record Published(PublishedEventType type, String incidentId, Object payload) {
    }

    private PublishedMessages() {
    }

    /**
     * @param teamOf the incident's team, asked only for a feedback or aftercare event stored before those events
     *               recorded their team (null when it is not known either)
     */
    static Optional<Published> of(Object event, Function<IncidentId, TeamId> teamOf) {
        if (event instanceof IncidentReportedEvent reported) {
            return published(PublishedEventType.INCIDENT_REPORTED, reported.incidentId(), IncidentReportedNotice.of(reported));
        }
        if (event instanceof TaskScheduledEvent task) {
            return published(PublishedEventType.TASK_SCHEDULED, task.incidentId(), task);
        }
        if (event instanceof TaskCompletedEvent task) {
            return published(PublishedEventType.TASK_COMPLETED, task.incidentId(), task);
        }
        if (event instanceof TaskWithdrawnEvent task) {
            return published(PublishedEventType.TASK_WITHDRAWN, task.incidentId(), task);
        }
        if (event instanceof TaskOverdueEvent task) {
            return published(PublishedEventType.TASK_OVERDUE, task.incidentId(), task);
        }
        if (event instanceof PeerSupporterAssignedEvent assigned) {
            return published(PublishedEventType.PEER_SUPPORTER_ASSIGNED, assigned.incidentId(), assigned);
        }
        if (event instanceof FeedbackGivenEvent feedback) {
            return published(PublishedEventType.FEEDBACK_GIVEN, feedback.incidentId(), new FeedbackGivenNotice(
                    feedback.incidentId(), team(feedback.teamId(), feedback.incidentId(), teamOf), feedback.reporter(),
                    feedback.givenBy(), feedback.givenAt()));
        }
        if (event instanceof AftercareTalkRecordedEvent talk) {
            return published(PublishedEventType.AFTERCARE_TALK_RECORDED, talk.incidentId(), new AftercareTalkNotice(
                    talk.incidentId(), team(talk.teamId(), talk.incidentId(), teamOf), talk.step(), talk.colleague(),
                    talk.heldAt(), talk.outcome(), talk.needsMoreHelp()));
        }
        if (event instanceof PersonalDataErasedEvent erased) {
            return published(PublishedEventType.PERSONAL_DATA_ERASED, erased.incidentId(), erased);
        }
        return Optional.empty();
    }

    private static Optional<Published> published(PublishedEventType type, IncidentId incident, Object payload) {
        return Optional.of(new Published(type, incident.value(), payload));
    }

    private static TeamId team(TeamId recorded, IncidentId incident, Function<IncidentId, TeamId> teamOf) {
        return recorded != null ? recorded : teamOf.apply(incident);
    }
}
