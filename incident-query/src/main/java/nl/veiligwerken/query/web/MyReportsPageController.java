package nl.veiligwerken.query.web;

import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.MyReport;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** "My reports": what the signed-in person reported or was reported for, each with its status and feedback. */
@Controller
class MyReportsPageController {

    /** The feedback as the page shows it: who gave it (display name) and when (the organisation's time). */
    record FeedbackRow(String message, String givenBy, String givenAt) {
    }

    /**
     * One report. {@code otherPerson} is whom it was reported for (when the reader reported it for a colleague)
     * or by (when a colleague reported it for the reader); null when the reader reported it for themselves.
     */
    record ReportRow(MyReport report, String reportedAt, String occurredAt, boolean reportedByMe, String otherPerson,
                     List<FeedbackRow> feedback) {
    }

    private final ReadModel readModel;
    private final DirectoryNames names;
    private final OrganisationTime time;

    MyReportsPageController(ReadModel readModel, DirectoryNames names, OrganisationTime time) {
        this.readModel = readModel;
        this.names = names;
        this.time = time;
    }

    @GetMapping("/my-reports")
    String myReports(@AuthenticationPrincipal VwUser user, Locale locale, Model model) {
        Map<String, String> people = new HashMap<>();
        model.addAttribute("reports", readModel.myReports(user.getUsername()).stream()
                .map(report -> row(report, user.getUsername(), locale, people))
                .toList());
        return "my-reports/list";
    }

    private ReportRow row(MyReport report, String me, Locale locale, Map<String, String> people) {
        boolean byMe = me.equals(report.reportedBy());
        String other = report.reportedFor() == null ? null : byMe ? report.reportedFor() : report.reportedBy();
        return new ReportRow(report, time.format(report.reportedAt(), locale), time.format(report.occurredAt(), locale),
                byMe, other == null ? null : people.computeIfAbsent(other, names::person),
                report.feedback().stream().map(feedback -> new FeedbackRow(feedback.message(),
                        people.computeIfAbsent(feedback.givenBy(), names::person),
                        time.format(feedback.givenAt(), locale))).toList());
    }
}
