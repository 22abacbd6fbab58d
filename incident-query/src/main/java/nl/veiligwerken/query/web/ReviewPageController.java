package nl.veiligwerken.query.web;

import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.audit.AuditAction;
import nl.veiligwerken.platform.audit.Audited;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** The quarterly team review (kwartaalevaluatie): figures and trends with charts, learning points and measures. */
@Controller
class ReviewPageController {

    record MeasureRow(QuarterlyReviews.Measure measure, String due, String done) {
    }

    private final ComplianceFigures figures;
    private final QuarterlyReviews reviews;
    private final OrganisationTime time;

    ReviewPageController(ComplianceFigures figures, QuarterlyReviews reviews, OrganisationTime time) {
        this.figures = figures;
        this.reviews = reviews;
        this.time = time;
    }

    @GetMapping("/reviews/quarterly")
    @Audited(AuditAction.REVIEW_READ)
    String review(@RequestParam(name = "team", required = false) String team,
                  @RequestParam(name = "quarter", required = false) String quarter,
                  @AuthenticationPrincipal VwUser user, Locale locale, Model model) {
        ComplianceFigures.Shown shown = figures.show(team, quarter, user, model);
        if (ReadAccess.aggregatesOnly(user, shown.team())) {
            // management reads a team's figures where small counts are hidden, as they are for every team
            return ComplianceFigures.organisationView(quarter, shown.team(), false);
        }
        QuarterlyReviews.Report report = reviews.report(shown.team(), shown.quarter(), user);
        List<QuarterlyReviews.Figures> quarters = report.quarters();
        model.addAttribute("report", report);
        model.addAttribute("current", report.current());
        model.addAttribute("dimensions", List.of(
                ReviewCharts.dimension("kind", "review.byKind", "incident.kind.", AggressionKind.values(), quarters,
                        QuarterlyReviews.Figures::byKind),
                ReviewCharts.dimension("severity", "review.bySeverity", "incident.severity.", Severity.values(), quarters,
                        QuarterlyReviews.Figures::bySeverity),
                ReviewCharts.dimension("setting", "review.bySetting", "incident.setting.", Setting.values(), quarters,
                        QuarterlyReviews.Figures::bySetting)));
        model.addAttribute("levels", LearningLevel.values());
        if (report.textsShown()) {
            Map<LearningLevel, List<QuarterlyReviews.LearningPointText>> byLevel = new EnumMap<>(LearningLevel.class);
            report.learningPoints().forEach(p -> byLevel.computeIfAbsent(p.level(), l -> new ArrayList<>()).add(p));
            model.addAttribute("pointsByLevel", byLevel);
            model.addAttribute("measures", report.measures().stream()
                    .map(m -> new MeasureRow(m, time.format(m.dueAt(), locale), time.format(m.completedAt(), locale)))
                    .toList());
        }
        return "reviews/quarterly";
    }
}
