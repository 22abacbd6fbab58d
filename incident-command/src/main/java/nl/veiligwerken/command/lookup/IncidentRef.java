package nl.veiligwerken.command.lookup;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;

/** An incident as the command service's pages need it: whose team, its version now, and whether it is closed. */
public record IncidentRef(IncidentId incidentId, TeamId teamId, String reportedBy, long version, boolean closed) {
}
