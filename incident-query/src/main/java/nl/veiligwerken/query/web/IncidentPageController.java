package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.audit.AuditAction;
import nl.veiligwerken.platform.audit.Audited;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One incident and its timeline, for its reporter, the colleague it happened to and the leader of its team. */
@Controller
class IncidentPageController {

    private final ReadModel readModel;
    private final DirectoryNames names;
    private final OrganisationTime time;
    private final TimelineTexts timeline;
    private final ViewCatchUp catchUp;

    IncidentPageController(ReadModel readModel, DirectoryNames names, OrganisationTime time, TimelineTexts timeline,
                           ViewCatchUp catchUp) {
        this.readModel = readModel;
        this.names = names;
        this.time = time;
        this.timeline = timeline;
        this.catchUp = catchUp;
    }

    /** Coming back from a change on the command service ({@code ?seen=}), it first waits briefly for the view. */
    @GetMapping("/incidents/{id}")
    @Audited(AuditAction.INCIDENT_READ)
    String incident(@PathVariable("id") String id, @RequestParam(name = "seen", required = false) String seen,
                    @AuthenticationPrincipal VwUser user, Locale locale, Model model) {
        IncidentId incidentId = new IncidentId(id);
        boolean caughtUp = Seen.parse(seen)
                .filter(change -> change.incidentId().equals(incidentId))
                .map(change -> catchUp.awaitVersion(change.version(), () -> readModel.incidentViewVersion(incidentId)))
                .orElse(true);
        IncidentDetails incident = readModel.incident(incidentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ReadAccess.requireMaySee(user, incident, () -> readModel.assignedPeerSupporter(incident.incidentId()));

        boolean erased = readModel.erasedAt(incidentId).isPresent();
        model.addAttribute("stale", !caughtUp);
        // a hint about another incident came from no step of this one: as unreadable as a malformed one
        model.addAttribute("seenUnreadable", Seen.unreadable(seen)
                || Seen.parse(seen).filter(change -> !change.incidentId().equals(incidentId)).isPresent());
        model.addAttribute("incident", incident);
        model.addAttribute("erased", erased);
        model.addAttribute("kinds", inDeclarationOrder(AggressionKind.values(), incident.kinds()));
        model.addAttribute("injuries", inDeclarationOrder(Injury.values(), incident.injuries()));
        model.addAttribute("teamName", names.team(incident.teamId()));
        model.addAttribute("reporterName", names.person(incident.reportedBy()));
        model.addAttribute("reportedForName", incident.reportedFor() == null ? null : names.person(incident.reportedFor()));
        model.addAttribute("reportedAt", time.format(incident.reportedAt(), locale));
        model.addAttribute("occurredAt", time.format(incident.occurredAt(), locale));
        model.addAttribute("lastAmendedAt", time.format(incident.lastAmendedAt(), locale));
        model.addAttribute("leadsTeam", user.leads(incident.teamId()));
        // nothing left to follow up after the retention term: the incident is closed and its people unknown
        model.addAttribute("mayFollowUp", !erased && user.leads(incident.teamId()));
        // the colleague it happened to reads along; the reporter and the team's leaders correct it
        model.addAttribute("mayAmend", !erased && ReadAccess.mayAmend(user, incident));
        model.addAttribute("amendPath", CommandPages.amend(incident.incidentId()));
        model.addAttribute("planActionPath", CommandPages.planAction(incident.incidentId()));
        model.addAttribute("closingPath", CommandPages.closing(incident.incidentId()));
        model.addAttribute("timeline", timeline.lines(
                readModel.timeline(incident.incidentId(), ReadAccess.timelineAudience(user, incident)), locale));
        return "incidents/detail";
    }

    private static <E extends Enum<E>> List<E> inDeclarationOrder(E[] all, Set<E> chosen) {
        return Arrays.stream(all).filter(chosen::contains).toList();
    }
}
