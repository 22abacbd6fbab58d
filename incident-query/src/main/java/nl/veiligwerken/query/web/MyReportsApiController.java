package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.MyReport;
import nl.veiligwerken.query.queries.MyReportStatus;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@RestController
class MyReportsApiController {

    /**
     * One report in {@code GET /api/my-reports}: {@code status} by name and {@code statusText} in the language
     * asked for; {@code feedback} newest first; {@code path} this service's page of the incident.
     */
    record MyReportJson(IncidentId incidentId, String reportedBy, String reportedFor, Instant reportedAt,
                        Instant occurredAt, List<AggressionKind> kinds, Severity severity, MyReportStatus status,
                        String statusText, List<FeedbackJson> feedback, String path) {
    }

    record FeedbackJson(String message, String givenBy, String givenByName, Instant givenAt) {
    }

    private final ReadModel readModel;
    private final DirectoryNames names;
    private final MessageSource messages;

    MyReportsApiController(ReadModel readModel, DirectoryNames names, MessageSource messages) {
        this.readModel = readModel;
        this.names = names;
        this.messages = messages;
    }

    /** Only the signed-in person's own reports: the person comes from the session, never from the request. */
    @GetMapping("/api/my-reports")
    List<MyReportJson> myReports(@AuthenticationPrincipal VwUser user, Locale locale) {
        Map<String, String> people = new HashMap<>();
        return readModel.myReports(user.getUsername()).stream().map(report -> new MyReportJson(report.incidentId(),
                report.reportedBy(), report.reportedFor(), report.reportedAt(), report.occurredAt(), report.kinds(),
                report.severity(), report.status(),
                messages.getMessage("myReports.status." + report.status(), null, locale),
                report.feedback().stream().map(feedback -> new FeedbackJson(feedback.message(), feedback.givenBy(),
                        people.computeIfAbsent(feedback.givenBy(), names::person), feedback.givenAt())).toList(),
                "/incidents/" + UriUtils.encodePathSegment(report.incidentId().value(), StandardCharsets.UTF_8))).toList();
    }
}
