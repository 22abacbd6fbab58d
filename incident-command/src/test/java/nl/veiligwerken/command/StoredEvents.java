package nl.veiligwerken.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incident's stored events as the services read them: through the event store, so with their personal fields
 * decrypted (in the table they are encrypted), each as its JSON.
 */
final class StoredEvents {

    private final EventStore events;
    private final JsonMapper json;

    StoredEvents(EventStore events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    /** Every event of the incident in order, as its payload type, a space and its JSON. */
    List<String> typedJson(String incidentId) {
        return events.readEvents(incidentId, 0L).asStream()
                .map(event -> event.getPayloadType().getName() + " " + json.writeValueAsString(event.getPayload()))
                .toList();
    }

    /** Every event of the incident in order: its event identifier and its JSON. */
    Map<String, String> jsonByEventId(String incidentId) {
        Map<String, String> byId = new LinkedHashMap<>();
        events.readEvents(incidentId, 0L).asStream()
                .forEach(event -> byId.put(event.getIdentifier(), json.writeValueAsString(event.getPayload())));
        return byId;
    }

    /** The incident's events of one payload type, in order, as JSON. */
    List<String> json(String incidentId, String payloadType) {
        return events.readEvents(incidentId, 0L).asStream()
                .filter(event -> event.getPayloadType().getName().equals(payloadType))
                .map(DomainEventMessage::getPayload)
                .map(json::writeValueAsString)
                .toList();
    }
}
