package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.Locale;

/** One incident, for its reporter and for the leader of its team. */
@Controller
class IncidentPageController {

    private final ReadModel readModel;
    private final AccountDirectory directory;
    private final OrganisationTime time;

    IncidentPageController(ReadModel readModel, AccountDirectory directory, OrganisationTime time) {
        this.readModel = readModel;
        this.directory = directory;
        this.time = time;
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable("id") String id, @AuthenticationPrincipal VwUser user, Locale locale, Model model) {
        IncidentDetails incident = readModel.incident(new IncidentId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ReadAccess.requireMaySee(user, incident);

        model.addAttribute("incident", incident);
        model.addAttribute("kinds", Arrays.stream(AggressionKind.values()).filter(incident.kinds()::contains).toList());
        model.addAttribute("teamName", directory.team(incident.teamId()).map(AccountDirectory.Team::name)
                .orElse(incident.teamId().value()));
        model.addAttribute("reporterName", directory.contact(incident.reportedBy())
                .map(AccountDirectory.Contact::displayName).orElse(incident.reportedBy()));
        model.addAttribute("reportedAt", time.format(incident.reportedAt(), locale));
        model.addAttribute("occurredAt", time.format(incident.occurredAt(), locale));
        model.addAttribute("leadsTeam", user.leads(incident.teamId()));
        return "incidents/detail";
    }
}
