package nl.veiligwerken.api.incidents;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;

import java.time.Instant;
import java.util.Set;

/** The incident as the read side knows it. */
public record IncidentDetails(
        IncidentId incidentId,
        TeamId teamId,
        String reportedBy,
        Instant reportedAt,
        Instant occurredAt,
        Setting setting,
        Set<AggressionKind> kinds,
        Severity severity,
        String description,
        boolean supportWanted,
        long version) {

    public IncidentDetails {
        kinds = Set.copyOf(kinds);
    }
}
