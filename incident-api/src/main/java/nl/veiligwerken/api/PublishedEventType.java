package nl.veiligwerken.api;

import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.reporting.IncidentReportedNotice;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event types on the Kafka topic {@link #TOPIC}: the CloudEvents {@code ce_type} and the record its JSON
 * value reads into. Adding a type here is the explicit choice to let an event leave the command service.
 */
public enum PublishedEventType {
    INCIDENT_REPORTED("nl.veiligwerken.incident.reported.v1", IncidentReportedNotice.class),
    TASK_SCHEDULED("nl.veiligwerken.incident.task-scheduled.v1", TaskScheduledEvent.class);

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
