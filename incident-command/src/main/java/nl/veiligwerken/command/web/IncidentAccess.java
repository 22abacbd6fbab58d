package nl.veiligwerken.command.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.Role;
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
        IncidentRef incident = existing(incidentId);
        if (!user.leads(incident.teamId())) {
            throw new AccessDeniedException("not a leader of the incident's team");
        }
        return incident;
    }

    /** The incident, if it exists (404) and the person reported it or leads its team (403). */
    IncidentRef reportedOrLedBy(String incidentId, VwUser user) {
        IncidentRef incident = existing(incidentId);
        if (!user.getUsername().equals(incident.reportedBy()) && !user.leads(incident.teamId())) {
            throw new AccessDeniedException("neither the reporter nor a leader of the incident's team");
        }
        return incident;
    }

    /**
     * The incident, if it exists (404) and the person may open the pages of its steps (403): who works in its
     * team or leads it (peer supporters among them), and the prevention officer, who works for every team.
     * Whether they may take the step is the incident's decision when the step is sent.
     */
    IncidentRef openableBy(String incidentId, VwUser user) {
        IncidentRef incident = existing(incidentId);
        if (!user.isMemberOf(incident.teamId()) && !user.leads(incident.teamId())
                && !user.hasRole(Role.PREVENTION_OFFICER)) {
            throw new AccessDeniedException("not working on the incident's team's steps");
        }
        return incident;
    }

    /** The incident, if it exists (404); who may see it is for the methods above. */
    private IncidentRef existing(String incidentId) {
        return (incidentId == null || incidentId.isBlank() ? java.util.Optional.<IncidentRef>empty()
                : lookup.find(new IncidentId(incidentId)))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound"));
    }
}
