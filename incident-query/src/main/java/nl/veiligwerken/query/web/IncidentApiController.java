package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.platform.audit.AuditAction;
import nl.veiligwerken.platform.audit.Audited;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import nl.veiligwerken.query.queries.TimelineEntry;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@RestController
class IncidentApiController {

    private final ReadModel readModel;
    private final TimelineTexts texts;

    IncidentApiController(ReadModel readModel, TimelineTexts texts) {
        this.readModel = readModel;
        this.texts = texts;
    }

    @GetMapping("/api/incidents/{id}")
    @Audited(AuditAction.INCIDENT_READ)
    IncidentJson incident(@PathVariable("id") String id, @AuthenticationPrincipal VwUser user) {
        IncidentDetails incident = visible(id, user);
        return new IncidentJson(incident, readModel.erasedAt(incident.incidentId()).orElse(null));
    }

    /** Every step of the incident in order; the reporter's answer leaves out what only the follow-up reads. */
    @GetMapping("/api/incidents/{id}/timeline")
    @Audited(AuditAction.TIMELINE_READ)
    List<TimelineJson> timeline(@PathVariable("id") String id, @AuthenticationPrincipal VwUser user, Locale locale) {
        IncidentDetails incident = visible(id, user);
        Map<String, String> people = new HashMap<>();
        List<TimelineEntry> entries = readModel.timeline(incident.incidentId(), ReadAccess.timelineAudience(user, incident));
        return entries.stream()
                .map(entry -> TimelineJson.of(entry, texts.line(entry, locale, people), texts.person(entry.person(), people)))
                .toList();
    }

    private IncidentDetails visible(String id, VwUser user) {
        IncidentDetails incident = readModel.incident(new IncidentId(id))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "incident.notFound"));
        ReadAccess.requireMaySee(user, incident, () -> readModel.assignedPeerSupporter(incident.incidentId()));
        return incident;
    }
}
