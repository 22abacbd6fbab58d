package nl.veiligwerken.api.reporting;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * An incident was reported. Holds the free-text description: it stays inside the event store and read side.
 * Fields from {@code reportedFor} on were added later in revision 1: in older events they read as null, empty
 * or false, meaning "not asked then", and {@code protocolVersion} 0 means version 1 of the agreements.
 *
 * @param reportedFor     the colleague it happened to when someone reported on their behalf; null: the reporter
 * @param protocolVersion the version of the protocol agreements the incident is held to
 */
@Revision("1")
public record IncidentReportedEvent(
        IncidentId incidentId,
        TeamId teamId,
        @PersonalData String reportedBy,
        Instant reportedAt,
        Instant occurredAt,
        Setting setting,
        Set<AggressionKind> kinds,
        Severity severity,
        @PersonalData String description,
        boolean supportWanted,
        @PersonalData String reportedFor,
        Aggressor aggressor,
        @PersonalData String clientReference,
        Set<Injury> injuries,
        boolean policeInvolved,
        int protocolVersion) {

    public IncidentReportedEvent {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        injuries = injuries == null ? Set.of() : Set.copyOf(injuries);
        aggressor = aggressor == null ? Aggressor.UNKNOWN : aggressor;
        protocolVersion = Math.max(protocolVersion, 1);
    }

    public IncidentReportedEvent(IncidentId incidentId, TeamId teamId, String reportedBy, String reportedFor,
                                 Instant reportedAt, ReportContent content, boolean supportWanted,
                                 int protocolVersion) {
        this(incidentId, teamId, reportedBy, reportedAt, content.occurredAt(), content.setting(), content.kinds(),
                content.severity(), content.description(), supportWanted, reportedFor, content.aggressor(),
                content.clientReference(), content.injuries(), content.policeInvolved(), protocolVersion);
    }

    /** The person it happened to: the one aftercare is for. */
    public String affectedPerson() {
        return reportedFor == null ? reportedBy : reportedFor;
    }

    public ReportContent content() {
        return new ReportContent(occurredAt, setting, kinds, severity, description, aggressor, clientReference,
                injuries, policeInvolved);
    }
}
