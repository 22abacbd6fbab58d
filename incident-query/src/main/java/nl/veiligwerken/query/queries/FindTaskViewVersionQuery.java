package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.IncidentId;

/**
 * How far the task view has got with one incident: the sequence number of the incident's last event it has
 * handled (the version the command service answers with), or null when it has handled none yet.
 */
public record FindTaskViewVersionQuery(IncidentId incidentId) {
}
