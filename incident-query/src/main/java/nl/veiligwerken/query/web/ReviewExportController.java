package nl.veiligwerken.query.web;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.audit.AuditAction;
import nl.veiligwerken.platform.audit.Audited;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.Quarter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The quarterly review to take to the team meeting: CSV for Excel, PDF to print or share. */
@Controller
class ReviewExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ComplianceFigures figures;
    private final QuarterlyReviews reviews;
    private final ReviewExports exports;
    private final MessageSource messages;

    ReviewExportController(ComplianceFigures figures, QuarterlyReviews reviews, ReviewExports exports,
                           MessageSource messages) {
        this.figures = figures;
        this.reviews = reviews;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping("/reviews/quarterly.csv")
    @Audited(AuditAction.EXPORT_CSV)
    ResponseEntity<byte[]> csv(@RequestParam(name = "team", required = false) String team,
                               @RequestParam(name = "quarter", required = false) String quarter,
                               @AuthenticationPrincipal VwUser user, Locale locale) {
        QuarterlyReviews.Report report = report(team, quarter, user);
        return download(exports.csv(report, locale).getBytes(StandardCharsets.UTF_8), CSV, report, "csv", locale);
    }

    @GetMapping("/reviews/quarterly.pdf")
    @Audited(AuditAction.EXPORT_PDF)
    ResponseEntity<byte[]> pdf(@RequestParam(name = "team", required = false) String team,
                               @RequestParam(name = "quarter", required = false) String quarter,
                               @AuthenticationPrincipal VwUser user, Locale locale) {
        QuarterlyReviews.Report report = report(team, quarter, user);
        return download(exports.pdf(report, locale), MediaType.APPLICATION_PDF, report, "pdf", locale);
    }

    private QuarterlyReviews.Report report(String team, String quarter, VwUser user) {
        TeamId teamId = figures.team(team, user);
        Quarter q = figures.requiredQuarter(quarter);
        // a file leaves the system: the team's leaders and the prevention officer, not management, whose figures
        // of a team are those of the organisation view with small counts hidden
        ReadAccess.requireMayDrillDown(user, teamId);
        return reviews.report(teamId, q, user);
    }

    private ResponseEntity<byte[]> download(byte[] body, MediaType type, QuarterlyReviews.Report report,
                                            String extension, Locale locale) {
        String name = messages.getMessage("review.export.filename", null, locale) + "-" + report.team() + "-"
                + report.quarter() + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
