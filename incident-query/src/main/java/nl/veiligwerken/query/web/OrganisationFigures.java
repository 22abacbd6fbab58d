package nl.veiligwerken.query.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.web.ApiProblemException;
import nl.veiligwerken.query.queries.ComplianceRow;
import nl.veiligwerken.query.queries.Quarter;
import nl.veiligwerken.query.queries.QuarterlyReview;
import nl.veiligwerken.query.queries.TeamComplianceRow;
import nl.veiligwerken.query.queries.TeamReview;
import nl.veiligwerken.query.web.SmallCountSuppression.Reason;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The organisation's figures for management and the prevention officer: the quarterly review's and the compliance
 * figures of every team and of the organisation, counted by the same code as a team's, then aggregated only: no
 * incident, no text, no name, and every count that could point to a person hidden ({@link SmallCountSuppression}).
 */
@Component
class OrganisationFigures {

    /** A count as shown: {@code count} null when it is not, and then {@code suppressed} says why. */
    record Count(Integer count, @JsonInclude(JsonInclude.Include.NON_NULL) Reason suppressed) {

        public boolean shown() {
            return suppressed == null;
        }
    }

    record QuarterFigures(String quarter, Count incidents, Map<AggressionKind, Count> byKind,
                          Map<Severity, Count> bySeverity, Map<Setting, Count> bySetting) {
    }

    /** {@code percentage} only when both counts are shown and someone needed aftercare. */
    record Aftercare(Count needed, Count given, Count notGiven, @JsonInclude(JsonInclude.Include.NON_NULL) Integer percentage) {
    }

    record Actions(Count planned, Count open, Count completed) {
    }

    record Step(ProtocolStep step, Count required, Count onTime, Count late, Count overdue, Count open) {
    }

    /** A team's figures, or the organisation's ({@code team} and {@code teamName} absent); {@code quarters} oldest first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Part(String team, String teamName, List<QuarterFigures> quarters, Aftercare aftercare, Actions actions,
                List<Step> compliance) {

        public QuarterFigures current() {
            return quarters.get(quarters.size() - 1);
        }
    }

    record Report(String quarter, List<String> quarters, int minimumGroup, Part organisation, List<Part> teams) {
    }

    /** Where a count sits: its team (null for the organisation) and which figure. */
    private record Key(TeamId team, String figure) {
    }

    private static final List<String> OUTCOMES = List.of("onTime", "late", "overdue", "open");

    private final ReadModel readModel;
    private final AccountDirectory directory;
    private final DirectoryNames names;

    OrganisationFigures(ReadModel readModel, AccountDirectory directory, DirectoryNames names) {
        this.readModel = readModel;
        this.directory = directory;
        this.names = names;
    }

    /** Access is the caller's to check first ({@link ReadAccess#requireMaySeeOrganisation}). */
    Report report(Quarter quarter) {
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = quarter; quarters.size() < QuarterlyReviews.TREND; q = q.previous()) {
            quarters.add(0, q);
        }
        Map<Quarter, Map<TeamId, QuarterlyReview>> reviews = new HashMap<>();
        for (Quarter q : quarters) {
            reviews.put(q, readModel.organisationReviews(q).stream()
                    .collect(Collectors.toMap(TeamReview::team, TeamReview::review)));
        }
        Map<TeamId, List<ComplianceRow>> compliance = readModel.organisationCompliance(quarter).stream()
                .collect(Collectors.groupingBy(TeamComplianceRow::team,
                        Collectors.mapping(TeamComplianceRow::row, Collectors.toList())));

        Set<TeamId> found = new LinkedHashSet<>();
        directory.teams().forEach(team -> found.add(team.id()));
        reviews.values().forEach(byTeam -> found.addAll(byTeam.keySet()));
        found.addAll(compliance.keySet());
        List<TeamId> teams = found.stream()
                .sorted(Comparator.comparing(names::team).thenComparing(TeamId::value)).toList();

        Cells cells = new Cells(teams);
        for (Quarter q : quarters) {
            Map<TeamId, QuarterlyReview> byTeam = reviews.get(q);
            for (TeamId team : teams) {
                cells.review(team, q, QuarterlyReviews.figures(byTeam.getOrDefault(team, QuarterlyReview.empty(q))),
                        q.equals(quarter));
            }
            cells.review(null, q, QuarterlyReviews.figures(QuarterlyReviews.together(q,
                    teams.stream().map(t -> byTeam.getOrDefault(t, QuarterlyReview.empty(q))).toList())), q.equals(quarter));
            cells.acrossTeams(q, q.equals(quarter));
        }
        Map<TeamId, List<ComplianceRow>> steps = new HashMap<>();
        teams.forEach(team -> steps.put(team, ComplianceFigures.everyStep(compliance.getOrDefault(team, List.of()))));
        List<ComplianceRow> organisationSteps = ComplianceFigures.everyStep(List.of()).stream()
                .map(row -> ComplianceFigures.together(row.step(), teams.stream()
                        .map(t -> steps.get(t).stream().filter(r -> r.step() == row.step()).findFirst().orElseThrow())
                        .toList()))
                .toList();
        teams.forEach(team -> cells.compliance(team, steps.get(team)));
        cells.compliance(null, organisationSteps);
        cells.complianceAcrossTeams(organisationSteps);

        Map<Key, Reason> hidden = cells.suppression.suppress();
        Function<TeamId, Part> part = team -> cells.part(team, quarters, quarter, hidden);
        return new Report(quarter.toString(), quarters.stream().map(Quarter::toString).toList(),
                SmallCountSuppression.MINIMUM_GROUP, part.apply(null), teams.stream().map(part).toList());
    }

    /**
     * One team's part of the organisation view of the quarter: how management reads a team's figures, with the
     * same cells hidden as on the organisation view, so that the two cannot be combined to give a count away.
     * 404 for a team the directory does not know and that has no figures.
     */
    Part team(TeamId team, Quarter quarter) {
        return report(quarter).teams().stream().filter(part -> part.team().equals(team.value())).findFirst()
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "compliance.team.unknown"));
    }

    /** Every count of the report with the lines it adds up in, then each as shown. */
    private final class Cells {

        private final List<TeamId> teams;
        private final SmallCountSuppression<Key> suppression = new SmallCountSuppression<>();
        private final Map<Key, Integer> counts = new HashMap<>();

        Cells(List<TeamId> teams) {
            this.teams = teams;
        }

        /** A team's (or the organisation's, team null) quarter; aftercare and actions of the quarter asked for only. */
        void review(TeamId team, Quarter q, QuarterlyReviews.Figures figures, boolean current) {
            String incidents = q + "/incidents";
            cell(team, incidents, figures.incidents());
            figures.byKind().forEach((k, n) -> cell(team, q + "/kind/" + k, n));
            figures.bySeverity().forEach((k, n) -> cell(team, q + "/severity/" + k, n));
            figures.bySetting().forEach((k, n) -> cell(team, q + "/setting/" + k, n));
            // each report has one severity and one setting; kinds may be several, so they add up across teams only
            line(team, figures.bySeverity().keySet().stream().map(k -> q + "/severity/" + k).toList(), incidents);
            line(team, figures.bySetting().keySet().stream().map(k -> q + "/setting/" + k).toList(), incidents);
            if (current) {
                QuarterlyReviews.Aftercare aftercare = figures.aftercare();
                cell(team, "aftercare/needed", aftercare.needed());
                cell(team, "aftercare/given", aftercare.given());
                cell(team, "aftercare/notGiven", aftercare.needed() - aftercare.given());
                line(team, List.of("aftercare/given", "aftercare/notGiven"), "aftercare/needed");
                cell(team, "actions/planned", figures.actions().planned());
                cell(team, "actions/open", figures.actions().open());
                cell(team, "actions/completed", figures.actions().completed());
                line(team, List.of("actions/open", "actions/completed"), "actions/planned");
            }
        }

        /** Every count of a quarter adds up over the teams to the organisation's. */
        void acrossTeams(Quarter q, boolean current) {
            acrossTeams(q + "/incidents");
            for (AggressionKind k : AggressionKind.values()) {
                acrossTeams(q + "/kind/" + k);
            }
            for (Severity k : Severity.values()) {
                acrossTeams(q + "/severity/" + k);
            }
            for (Setting k : Setting.values()) {
                acrossTeams(q + "/setting/" + k);
            }
            if (current) {
                List.of("aftercare/needed", "aftercare/given", "aftercare/notGiven", "actions/planned", "actions/open",
                        "actions/completed").forEach(this::acrossTeams);
            }
        }

        void compliance(TeamId team, List<ComplianceRow> rows) {
            for (ComplianceRow row : rows) {
                String step = "step/" + row.step() + "/";
                cell(team, step + "required", row.required());
                cell(team, step + "onTime", row.onTime());
                cell(team, step + "late", row.late());
                cell(team, step + "overdue", row.overdue());
                cell(team, step + "open", row.open());
                line(team, OUTCOMES.stream().map(o -> step + o).toList(), step + "required");
            }
        }

        void complianceAcrossTeams(List<ComplianceRow> steps) {
            for (ComplianceRow row : steps) {
                acrossTeams("step/" + row.step() + "/required");
                OUTCOMES.forEach(o -> acrossTeams("step/" + row.step() + "/" + o));
            }
        }

        private void acrossTeams(String figure) {
            suppression.line(teams.stream().map(t -> new Key(t, figure)).toList(), new Key(null, figure));
        }

        private void cell(TeamId team, String figure, int count) {
            Key key = new Key(team, figure);
            counts.put(key, count);
            suppression.cell(key, count);
        }

        private void line(TeamId team, List<String> parts, String total) {
            suppression.line(parts.stream().map(p -> new Key(team, p)).toList(), new Key(team, total));
        }

        Part part(TeamId team, List<Quarter> quarters, Quarter quarter, Map<Key, Reason> hidden) {
            Function<String, Count> count = figure -> {
                Key key = new Key(team, figure);
                Reason reason = hidden.get(key);
                return reason == null ? new Count(counts.get(key), null) : new Count(null, reason);
            };
            List<QuarterFigures> figures = quarters.stream().map(q -> new QuarterFigures(q.toString(),
                    count.apply(q + "/incidents"),
                    all(AggressionKind.class, k -> count.apply(q + "/kind/" + k)),
                    all(Severity.class, k -> count.apply(q + "/severity/" + k)),
                    all(Setting.class, k -> count.apply(q + "/setting/" + k)))).toList();
            Count needed = count.apply("aftercare/needed");
            Count given = count.apply("aftercare/given");
            Integer percentage = needed.shown() && given.shown() && needed.count() > 0
                    ? Math.round(100f * given.count() / needed.count()) : null;
            List<Step> steps = new ArrayList<>();
            for (ProtocolStep step : ProtocolStep.values()) {
                if (step.isAgreed()) {
                    String s = "step/" + step + "/";
                    steps.add(new Step(step, count.apply(s + "required"), count.apply(s + "onTime"),
                            count.apply(s + "late"), count.apply(s + "overdue"), count.apply(s + "open")));
                }
            }
            return new Part(team == null ? null : team.value(), team == null ? null : names.team(team), figures,
                    new Aftercare(needed, given, count.apply("aftercare/notGiven"), percentage),
                    new Actions(count.apply("actions/planned"), count.apply("actions/open"),
                            count.apply("actions/completed")),
                    steps);
        }
    }

    private static <E extends Enum<E>> Map<E, Count> all(Class<E> type, Function<E, Count> count) {
        Map<E, Count> all = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            all.put(e, count.apply(e));
        }
        return all;
    }
}
