package nl.veiligwerken.command.lookup;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;

/** An incident as the command service's pages need it: whose team, and its version now. */
public record IncidentRef(IncidentId incidentId, TeamId teamId, String reportedBy, long version) {
}
