package nl.veiligwerken.api.incidents;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;

import java.time.Instant;
import java.util.Set;

/**
 * The incident as the read side knows it: the report as it stands after any amendments (from
 * {@code occurredAt} to {@code policeInvolved}, the fields of {@link ReportContent}), how often and when it was
 * last amended, and {@code version}, the aggregate's sequence number of the last event applied.
 *
 * @param reportedFor     the colleague it happened to when someone reported on their behalf; null: the reporter
 * @param protocolVersion the version of the protocol agreements the incident is held to
 * @param amendments      how often the report was amended; {@code lastAmendedAt} null when never
 */
public record IncidentDetails(
        IncidentId incidentId,
        TeamId teamId,
        String reportedBy,
        String reportedFor,
        Instant reportedAt,
        Instant occurredAt,
        Setting setting,
        Set<AggressionKind> kinds,
        Severity severity,
        String description,
        Aggressor aggressor,
        String clientReference,
        Set<Injury> injuries,
        boolean policeInvolved,
        boolean supportWanted,
        int protocolVersion,
        int amendments,
        Instant lastAmendedAt,
        long version) {

    public IncidentDetails {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        injuries = injuries == null ? Set.of() : Set.copyOf(injuries);
        aggressor = aggressor == null ? Aggressor.UNKNOWN : aggressor;
    }

    /** A newly reported incident, its report never amended yet. */
    public IncidentDetails(IncidentId incidentId, TeamId teamId, String reportedBy, String reportedFor,
                           Instant reportedAt, ReportContent content, boolean supportWanted, int protocolVersion,
                           long version) {
        this(incidentId, teamId, reportedBy, reportedFor, reportedAt, content.occurredAt(), content.setting(),
                content.kinds(), content.severity(), content.description(), content.aggressor(),
                content.clientReference(), content.injuries(), content.policeInvolved(), supportWanted,
                protocolVersion, 0, null, version);
    }

    /** What the report says now. */
    public ReportContent content() {
        return new ReportContent(occurredAt, setting, kinds, severity, description, aggressor, clientReference,
                injuries, policeInvolved);
    }
}
