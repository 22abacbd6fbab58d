package nl.veiligwerken.query.incidents;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.incidents.FindIncidentQuery;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import nl.veiligwerken.query.queries.FindErasureQuery;
import nl.veiligwerken.query.queries.FindIncidentsOfPersonQuery;
import nl.veiligwerken.query.queries.FindAssignedPeerSupporterQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Each incident as its reporter and team leader may look it up. */
@Component
@ProcessingGroup(IncidentProjection.PROCESSOR)
class IncidentProjection {

    static final String PROCESSOR = "incidents";

    private final IncidentRepository incidents;

    IncidentProjection(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    @EventHandler
    void on(IncidentReportedEvent event, @SequenceNumber long version) {
        incidents.save(new IncidentDetails(event.incidentId(), event.teamId(), event.reportedBy(), event.reportedFor(),
                event.reportedAt(), event.content(), event.supportWanted(), event.protocolVersion(), version));
    }

    /** The report now says what the amendment says; the view keeps only how often and when it changed. */
    @EventHandler
    void on(ReportAmendedEvent event, @SequenceNumber long version) {
        incidents.amend(event.incidentId(), event.content(), event.amendedAt(), version);
    }

    /** The peer supporter assigned may read the report while they give first support; it moves the version on too. */
    @EventHandler
    void on(PeerSupporterAssignedEvent event, @SequenceNumber long version) {
        incidents.assignPeerSupporter(event.incidentId(), event.peerSupporter(), version);
    }

    /**
     * After the retention term: who reported it, for whom, what happened and the client's number are dropped;
     * what counts (team, when, kinds, severity, setting, injuries) stays, and the row remembers when it was erased.
     */
    @EventHandler
    void on(PersonalDataErasedEvent event, @SequenceNumber long version) {
        incidents.erase(event.incidentId(), event.erasedAt(), version);
    }

    /**
     * Every other later event of the incident moves its version on (Axon calls only the most specific handler of
     * a class, so not for the events above), so a client that got version n from the command service can tell
     * when this view has caught up with it.
     */
    @EventHandler
    void onLaterEvent(Object event, DomainEventMessage<?> message) {
        if ("Incident".equals(message.getType())) {
            incidents.advanceVersion(message.getAggregateIdentifier(), message.getSequenceNumber());
        }
    }

    /** Null when the incident is unknown (or not projected yet): the caller decides what that means. */
    @QueryHandler
    IncidentDetails handle(FindIncidentQuery query) {
        return incidents.find(query.incidentId()).orElse(null);
    }

    /** When the incident's personal data was erased; null while it is kept, or when the incident is unknown. */
    @QueryHandler
    Instant handle(FindErasureQuery query) {
        return incidents.erasedAt(query.incidentId()).orElse(null);
    }

    @QueryHandler
    List<IncidentId> handle(FindIncidentsOfPersonQuery query) {
        return incidents.reportedByOrFor(query.username());
    }

    @QueryHandler
    String handle(FindAssignedPeerSupporterQuery query) {
        return incidents.peerSupporter(query.incidentId()).orElse(null);
    }

    @ResetHandler
    void reset() {
        incidents.deleteAll();
    }
}
