package nl.veiligwerken.query.web;

import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.Quarter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The organisation view (management, prevention officer): the figures of every team and of the organisation for a
 * quarter, with the trend over four quarters drawn as charts. Aggregated only: no incident, no text, no name, no
 * link to anything behind a number, and the counts that could point to a person hidden.
 */
@Controller
class OrganisationPageController {

    /** A table of the page: one row per category, one column per team and the organisation's last. */
    record TeamTable(String id, String titleKey, List<TeamTableRow> rows) {
    }

    record TeamTableRow(String labelKey, List<OrganisationFigures.Count> counts) {
    }

    private final ComplianceFigures figures;
    private final OrganisationFigures organisation;

    OrganisationPageController(ComplianceFigures figures, OrganisationFigures organisation) {
        this.figures = figures;
        this.organisation = organisation;
    }

    @GetMapping("/organisation")
    String organisation(@RequestParam(name = "quarter", required = false) String quarter,
                        @AuthenticationPrincipal VwUser user, Model model) {
        ReadAccess.requireMaySeeOrganisation(user);
        Optional<Quarter> asked = figures.quarter(quarter);
        Quarter shown = asked.orElseGet(() -> figures.quarter(null).orElseThrow());
        OrganisationFigures.Report report = organisation.report(shown);
        OrganisationFigures.Part total = report.organisation();
        List<OrganisationFigures.Part> columns = new ArrayList<>(report.teams());
        columns.add(total);

        model.addAttribute("quarterInvalid", asked.isEmpty());
        model.addAttribute("quarter", shown);
        model.addAttribute("report", report);
        model.addAttribute("columns", columns);
        List<OrganisationFigures.Part> complianceParts = new ArrayList<>(List.of(total));
        complianceParts.addAll(report.teams());
        model.addAttribute("complianceParts", complianceParts);
        model.addAttribute("trend", trend(report));
        model.addAttribute("dimensions", List.of(
                dimension("kind", "review.byKind", "incident.kind.", AggressionKind.values(), total,
                        OrganisationFigures.QuarterFigures::byKind),
                dimension("severity", "review.bySeverity", "incident.severity.", Severity.values(), total,
                        OrganisationFigures.QuarterFigures::bySeverity),
                dimension("setting", "review.bySetting", "incident.setting.", Setting.values(), total,
                        OrganisationFigures.QuarterFigures::bySetting)));
        model.addAttribute("teamTables", List.of(
                teamTable("kind", "review.byKind", "incident.kind.", AggressionKind.values(), columns,
                        OrganisationFigures.QuarterFigures::byKind),
                teamTable("severity", "review.bySeverity", "incident.severity.", Severity.values(), columns,
                        OrganisationFigures.QuarterFigures::bySeverity),
                teamTable("setting", "review.bySetting", "incident.setting.", Setting.values(), columns,
                        OrganisationFigures.QuarterFigures::bySetting)));
        return "organisation/overview";
    }

    /** The incidents of each team over the four quarters, a team's name as its label. */
    private static ReviewCharts.Chart trend(OrganisationFigures.Report report) {
        List<ReviewCharts.Row> rows = report.teams().stream()
                .map(team -> row(team.teamName(), true, team.quarters().stream().map(OrganisationFigures.QuarterFigures::incidents).toList()))
                .toList();
        return ReviewCharts.chart(rows, report.quarters());
    }

    /** The organisation's counts of one dimension over the four quarters, as the review draws a team's. */
    private static <E extends Enum<E>> ReviewCharts.Dimension dimension(
            String id, String titleKey, String labelPrefix, E[] values, OrganisationFigures.Part total,
            Function<OrganisationFigures.QuarterFigures, Map<E, OrganisationFigures.Count>> counts) {
        List<ReviewCharts.Row> rows = new ArrayList<>();
        for (E value : values) {
            rows.add(row(labelPrefix + value.name(), false,
                    total.quarters().stream().map(q -> counts.apply(q).get(value)).toList()));
        }
        return new ReviewCharts.Dimension(id, titleKey, rows,
                ReviewCharts.chart(rows, total.quarters().stream().map(OrganisationFigures.QuarterFigures::quarter).toList()));
    }

    private static ReviewCharts.Row row(String label, boolean labelIsText, List<OrganisationFigures.Count> counts) {
        return new ReviewCharts.Row(label, labelIsText, counts.stream().map(OrganisationFigures.Count::count).toList(),
                counts.stream().map(c -> c.shown() ? null : "organisation.suppressed." + c.suppressed()).toList());
    }

    /** One dimension in the quarter asked for: each category over the teams and the organisation. */
    private static <E extends Enum<E>> TeamTable teamTable(
            String id, String titleKey, String labelPrefix, E[] values, List<OrganisationFigures.Part> columns,
            Function<OrganisationFigures.QuarterFigures, Map<E, OrganisationFigures.Count>> counts) {
        List<TeamTableRow> rows = new ArrayList<>();
        for (E value : values) {
            rows.add(new TeamTableRow(labelPrefix + value.name(),
                    columns.stream().map(part -> counts.apply(part.current()).get(value)).toList()));
        }
        return new TeamTable(id, titleKey, rows);
    }
}
