package nl.veiligwerken.api.incidents;

import nl.veiligwerken.api.IncidentId;

/** One incident as its reporter and team leader may see it. Answered with an {@link IncidentDetails}, or null. */
public record FindIncidentQuery(IncidentId incidentId) {
}
