package nl.veiligwerken.command.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.command.lookup.IncidentLookup;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who may act on an incident's steps, decided from the incident's team and the person's, never from the URL. */
@Component
class IncidentAccess {

    private final IncidentLookup lookup;

    IncidentAccess(IncidentLookup lookup) {
        this.lookup = lookup;
    }

    /** The incident, if it exists (404) and the person leads its team (403). */
    IncidentRef ledBy(String incidentId, VwUser user) {
        IncidentRef incident = incidentId == null || incidentId.isBlank() ? null
                : lookup.find(new IncidentId(incidentId)).orElse(null);
        if (incident == null) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
        }
        if (!user.leads(incident.teamId())) {
            throw new AccessDeniedException("not a leader of the incident's team");
        }
        return incident;
    }
}
