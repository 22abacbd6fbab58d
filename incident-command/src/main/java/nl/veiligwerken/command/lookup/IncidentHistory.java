package nl.veiligwerken.command.lookup;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.analysis.IncidentAnalysedEvent;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.followup.FollowUpActionCompletedEvent;
import nl.veiligwerken.api.followup.FollowUpActionPlannedEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * What a step's page shows about the steps taken before it (which aftercare talk this is, the action being
 * completed), read from the incident's own events: a few dozen at most, and never older than the store.
 */
@Component
public class IncidentHistory {

    /** A planned follow-up action and whether it was done. */
    public record Action(FollowUpActionPlannedEvent planned, boolean completed) {
    }

    private final EventStore events;

    IncidentHistory(EventStore events) {
        this.events = events;
    }

    /** How many aftercare talks (held or declined) were recorded: 0 before the first. */
    public int aftercareTalks(IncidentId incident) {
        return (int) payloads(incident).stream().filter(AftercareTalkRecordedEvent.class::isInstance).count();
    }

    public boolean analysed(IncidentId incident) {
        return payloads(incident).stream().anyMatch(IncidentAnalysedEvent.class::isInstance);
    }

    /** The username of the peer supporter a leader assigned last, if any. */
    public Optional<String> assignedPeerSupporter(IncidentId incident) {
        return payloads(incident).stream()
                .filter(PeerSupporterAssignedEvent.class::isInstance)
                .map(payload -> ((PeerSupporterAssignedEvent) payload).peerSupporter())
                .filter(java.util.Objects::nonNull) // erased after the retention term
                .reduce((earlier, later) -> later);
    }

    public Optional<Action> action(IncidentId incident, ActionId action) {
        List<Object> history = payloads(incident);
        boolean completed = history.stream().anyMatch(payload ->
                payload instanceof FollowUpActionCompletedEvent done && done.actionId().equals(action));
        return history.stream()
                .filter(payload -> payload instanceof FollowUpActionPlannedEvent planned && planned.actionId().equals(action))
                .map(payload -> new Action((FollowUpActionPlannedEvent) payload, completed))
                .findFirst();
    }

    private List<Object> payloads(IncidentId incident) {
        // from the first event on: a stream that starts at a snapshot would leave out what it summarises
        return events.readEvents(incident.value(), 0L).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }
}
