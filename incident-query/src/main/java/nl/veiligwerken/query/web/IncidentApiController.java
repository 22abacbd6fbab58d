package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IncidentApiController {

    private final ReadModel readModel;

    IncidentApiController(ReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/api/incidents/{id}")
    IncidentDetails incident(@PathVariable("id") String id, @AuthenticationPrincipal VwUser user) {
        IncidentDetails incident = readModel.incident(new IncidentId(id))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "incident.notFound"));
        ReadAccess.requireMaySee(user, incident);
        return incident;
    }
}
