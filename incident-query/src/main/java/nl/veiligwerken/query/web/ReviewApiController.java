package nl.veiligwerken.query.web;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.audit.AuditAction;
import nl.veiligwerken.platform.audit.Audited;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.Quarter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The quarterly team review as JSON: the quarter and the three before it. */
@RestController
class ReviewApiController {

    private final ComplianceFigures figures;
    private final QuarterlyReviews reviews;

    ReviewApiController(ComplianceFigures figures, QuarterlyReviews reviews) {
        this.figures = figures;
        this.reviews = reviews;
    }

    @GetMapping("/api/reviews/quarterly")
    @Audited(AuditAction.REVIEW_READ)
    QuarterlyReviews.Report review(@RequestParam(name = "team", required = false) String team,
                                   @RequestParam(name = "quarter", required = false) String quarter,
                                   @AuthenticationPrincipal VwUser user) {
        TeamId teamId = ComplianceFigures.requiredTeam(team);
        Quarter q = figures.requiredQuarter(quarter);
        ReadAccess.requireMaySeeCompliance(user, teamId);
        return reviews.report(teamId, q, user);
    }
}
