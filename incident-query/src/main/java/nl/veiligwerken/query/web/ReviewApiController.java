package nl.veiligwerken.query.web;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.audit.AuditAction;
import nl.veiligwerken.platform.audit.AuditLog;
import nl.veiligwerken.platform.audit.Audited;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.Quarter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The quarterly team review as JSON: the quarter and the three before it. */
@RestController
class ReviewApiController {

    /**
     * Management's answer: the team's quarters, aftercare and actions as the organisation view counts them, small
     * counts hidden; no learning points or measures, in words or counted.
     */
    record AggregatedReview(String team, String teamName, String quarter, int minimumGroup,
                            List<OrganisationFigures.QuarterFigures> quarters, OrganisationFigures.Aftercare aftercare,
                            OrganisationFigures.Actions actions, boolean textsShown) {
    }

    private final ComplianceFigures figures;
    private final QuarterlyReviews reviews;
    private final OrganisationFigures organisation;

    ReviewApiController(ComplianceFigures figures, QuarterlyReviews reviews, OrganisationFigures organisation) {
        this.figures = figures;
        this.reviews = reviews;
        this.organisation = organisation;
    }

    @GetMapping("/api/reviews/quarterly")
    @Audited(AuditAction.REVIEW_READ)
    Object review(@RequestParam(name = "team", required = false) String team,
                  @RequestParam(name = "quarter", required = false) String quarter,
                  @AuthenticationPrincipal VwUser user) {
        TeamId teamId = ComplianceFigures.requiredTeam(team);
        Quarter q = figures.requiredQuarter(quarter);
        ReadAccess.requireMaySeeCompliance(user, teamId);
        if (ReadAccess.aggregatesOnly(user, teamId)) {
            AuditLog.subject("team=" + teamId.value() + " quarter=" + q);
            OrganisationFigures.Part part = organisation.team(teamId, q);
            return new AggregatedReview(part.team(), part.teamName(), q.toString(), SmallCountSuppression.MINIMUM_GROUP,
                    part.quarters(), part.aftercare(), part.actions(), false);
        }
        return reviews.report(teamId, q, user);
    }
}
