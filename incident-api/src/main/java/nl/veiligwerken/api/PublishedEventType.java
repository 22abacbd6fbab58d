package nl.veiligwerken.api;

import nl.veiligwerken.api.aftercare.AftercareTalkNotice;
import nl.veiligwerken.api.feedback.FeedbackGivenNotice;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.api.reporting.IncidentReportedNotice;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event types on the Kafka topic {@link #TOPIC}: the CloudEvents {@code ce_type} and the record its JSON
 * value reads into. Adding a type here is the explicit choice to let an event leave the command service.
 */
public enum PublishedEventType {
    INCIDENT_REPORTED("nl.veiligwerken.incident.reported.v1", IncidentReportedNotice.class),
    TASK_SCHEDULED("nl.veiligwerken.incident.task-scheduled.v1", TaskScheduledEvent.class),
    TASK_COMPLETED("nl.veiligwerken.incident.task-completed.v1", TaskCompletedEvent.class),
    TASK_WITHDRAWN("nl.veiligwerken.incident.task-withdrawn.v1", TaskWithdrawnEvent.class),
    TASK_OVERDUE("nl.veiligwerken.incident.task-overdue.v1", TaskOverdueEvent.class),
    PEER_SUPPORTER_ASSIGNED("nl.veiligwerken.incident.peer-supporter-assigned.v1", PeerSupporterAssignedEvent.class),
    FEEDBACK_GIVEN("nl.veiligwerken.incident.feedback-given.v1", FeedbackGivenNotice.class),
    AFTERCARE_TALK_RECORDED("nl.veiligwerken.incident.aftercare-talk-recorded.v1", AftercareTalkNotice.class),
    PERSONAL_DATA_ERASED("nl.veiligwerken.incident.personal-data-erased.v1", PersonalDataErasedEvent.class);

    public static final String TOPIC = "incident-events";
    public static final String SOURCE = "/veilig-werken/incident-command";

    private final String type;
    private final Class<?> payloadType;

    PublishedEventType(String type, Class<?> payloadType) {
        this.type = type;
        this.payloadType = payloadType;
    }

    public String type() {
        return type;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public static Optional<PublishedEventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
