package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.IncidentId;

/** The username of the peer supporter assigned to give first support for the incident; null when none is. */
public record FindAssignedPeerSupporterQuery(IncidentId incidentId) {
}
