package nl.veiligwerken.query.web;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.tasks.TaskSummary;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The team leader's list of open tasks, for one of the teams they lead. */
@Controller
class TaskPageController {

    record TeamOption(TeamId id, String name, boolean current) {
    }

    record TaskRow(TaskSummary task, String due, boolean overdue) {
    }

    private final ReadModel readModel;
    private final AccountDirectory directory;
    private final Clock clock;
    private final OrganisationTime time;

    TaskPageController(ReadModel readModel, AccountDirectory directory, Clock clock, OrganisationTime time) {
        this.readModel = readModel;
        this.directory = directory;
        this.clock = clock;
        this.time = time;
    }

    @GetMapping("/tasks")
    String tasks(@RequestParam(name = "team", required = false) String team, @AuthenticationPrincipal VwUser user,
                 Locale locale, Model model) {
        List<TeamId> led = ReadAccess.ledTeams(user);
        TeamId shown = team == null || team.isBlank() ? led.stream().findFirst().orElse(null) : new TeamId(team);
        ReadAccess.requireLeads(user, shown);

        Instant now = clock.instant();
        model.addAttribute("teamName", teamName(shown));
        model.addAttribute("teams", led.stream().map(id -> new TeamOption(id, teamName(id), id.equals(shown))).toList());
        model.addAttribute("rows", readModel.openTasksOf(shown).stream()
                .map(task -> new TaskRow(task, time.format(task.dueAt(), locale), task.isOverdueAt(now)))
                .toList());
        return "tasks/list";
    }

    private String teamName(TeamId id) {
        return directory.team(id).map(AccountDirectory.Team::name).orElse(id.value());
    }
}
