package nl.veiligwerken.query.web;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import nl.veiligwerken.query.queries.ComplianceOutcome;
import nl.veiligwerken.query.queries.ComplianceRow;
import nl.veiligwerken.query.queries.Quarter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the compliance page and its JSON twin share: which team and quarter, who may see them, the rows. */
@Component
class ComplianceFigures {

    record TeamOption(TeamId id, String name, boolean current) {
    }

    /** The team and quarter a figures page shows. */
    record Shown(TeamId team, Quarter quarter) {
    }

    private final ReadModel readModel;
    private final AccountDirectory directory;
    private final DirectoryNames names;
    private final OrganisationTime time;

    ComplianceFigures(ReadModel readModel, AccountDirectory directory, DirectoryNames names, OrganisationTime time) {
        this.readModel = readModel;
        this.directory = directory;
        this.names = names;
        this.time = time;
    }

    /** The teams the person may see figures of: the teams they lead, or every team for the organisation's roles. */
    List<TeamId> teams(VwUser user) {
        return ReadAccess.seesEveryTeam(user)
                ? directory.teams().stream().map(AccountDirectory.Team::id).sorted(Comparator.comparing(TeamId::value)).toList()
                : ReadAccess.ledTeams(user);
    }

    List<TeamOption> teamOptions(VwUser user, TeamId current) {
        return teams(user).stream().map(id -> new TeamOption(id, names.team(id), id.equals(current))).toList();
    }

    /** The team asked for, else the first the person may see; null when they may see none. */
    TeamId team(String asked, VwUser user) {
        return asked == null || asked.isBlank() ? teams(user).stream().findFirst().orElse(null) : named(asked);
    }

    /**
     * A team named in the address. 400 for a name with control characters: no team has one, and the database
     * refuses a NUL in a query (a 500, for the prevention officer, who may look up any team).
     */
    static TeamId named(String asked) {
        String name = asked.strip();
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "compliance.team.invalid");
        }
        return new TeamId(name);
    }

    /** The quarter asked for ({@code 2026-Q3}), else the current one; empty for a quarter that does not exist. */
    Optional<Quarter> quarter(String asked) {
        return asked == null || asked.isBlank() ? Optional.of(Quarter.of(time.today()))
                : Quarter.parse(asked);
    }

    /**
     * What a figures page shows (compliance, quarterly review), with what their shared fragment needs in the
     * model: the team (403 when not theirs) and the quarter; a quarter typed wrongly in the address is said on
     * the page, and the current one shown.
     */
    Shown show(String team, String quarter, VwUser user, Model model) {
        TeamId teamId = team(team, user);
        ReadAccess.requireMaySeeCompliance(user, teamId);
        Optional<Quarter> asked = quarter(quarter);
        Quarter shown = asked.orElseGet(() -> quarter(null).orElseThrow());
        model.addAttribute("quarterInvalid", asked.isEmpty());
        model.addAttribute("team", teamId);
        model.addAttribute("teams", teamOptions(user, teamId));
        model.addAttribute("quarter", shown);
        return new Shown(teamId, shown);
    }

    /**
     * Where management reads a team's figures ({@link ReadAccess#aggregatesOnly}): the organisation view of the
     * quarter asked for (a wrong one is said there), at the team's compliance table when {@code atCompliance}.
     */
    static String organisationView(String quarter, TeamId team, boolean atCompliance) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/organisation");
        if (quarter != null && !quarter.isBlank()) {
            uri.queryParam("quarter", quarter.strip());
        }
        if (atCompliance) {
            uri.fragment("compliance-" + team.value());
        }
        return "redirect:" + uri.encode().build().toUriString();
    }

    /** What a drill-down reads, for its audit row: the team's quarter, and the step and outcome when chosen. */
    static String subject(TeamId team, Quarter quarter, ProtocolStep step, ComplianceOutcome outcome) {
        return "team=" + team.value() + " quarter=" + quarter + (step == null ? "" : " step=" + step)
                + (outcome == null ? "" : " outcome=" + outcome);
    }

    /** The team an API call names; 400 without one. */
    static TeamId requiredTeam(String team) {
        if (team == null || team.isBlank()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "compliance.team.missing");
        }
        return named(team);
    }

    Quarter requiredQuarter(String asked) {
        return quarter(asked).orElseThrow(() -> new ApiProblemException(HttpStatus.BAD_REQUEST, "compliance.quarter.invalid"));
    }

    /** Every step of the agreements in the order of the method, with zeros where the quarter had none. */
    List<ComplianceRow> rows(TeamId team, Quarter quarter) {
        return everyStep(readModel.compliance(team, quarter));
    }

    /** The rows found, one for every step of the agreements, in the order of the method, zeros where none. */
    static List<ComplianceRow> everyStep(List<ComplianceRow> found) {
        Map<ProtocolStep, ComplianceRow> byStep = found.stream()
                .collect(Collectors.toMap(ComplianceRow::step, Function.identity()));
        return Arrays.stream(ProtocolStep.values()).filter(ProtocolStep::isAgreed)
                .map(step -> byStep.getOrDefault(step, new ComplianceRow(step, 0, 0, 0, 0, 0)))
                .toList();
    }

    /** Several teams' rows of one step as one: the organisation's. */
    static ComplianceRow together(ProtocolStep step, List<ComplianceRow> rows) {
        return new ComplianceRow(step, rows.stream().mapToInt(ComplianceRow::required).sum(),
                rows.stream().mapToInt(ComplianceRow::onTime).sum(), rows.stream().mapToInt(ComplianceRow::late).sum(),
                rows.stream().mapToInt(ComplianceRow::overdue).sum(), rows.stream().mapToInt(ComplianceRow::open).sum());
    }

    static ProtocolStep step(String asked) {
        return parse(ProtocolStep.class, asked).filter(ProtocolStep::isAgreed)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.BAD_REQUEST, "compliance.step.invalid"));
    }

    /** Null (all) when not asked for. */
    static ComplianceOutcome outcome(String asked) {
        if (asked == null || asked.isBlank()) {
            return null;
        }
        return parse(ComplianceOutcome.class, asked)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.BAD_REQUEST, "compliance.outcome.invalid"));
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String asked) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(asked == null ? "" : asked.strip()))
                .findFirst();
    }
}
