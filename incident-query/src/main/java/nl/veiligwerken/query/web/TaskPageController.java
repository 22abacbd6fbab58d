package nl.veiligwerken.query.web;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.tasks.TaskSummary;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.TaskListEntry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The team leader's list of open tasks, for one of the teams they lead. */
@Controller
class TaskPageController {

    record TeamOption(TeamId id, String name, boolean current) {
    }

    /**
     * One row: {@code assigneeName} is the person a follow-up action is for (null: the task is for the summary's
     * role); {@code actionPath} the command service's form for the step (null: none).
     */
    record TaskRow(TaskSummary task, String due, boolean overdue, String assigneeName, String actionPath) {
    }

    private final ReadModel readModel;
    private final DirectoryNames names;
    private final Clock clock;
    private final OrganisationTime time;

    TaskPageController(ReadModel readModel, DirectoryNames names, Clock clock, OrganisationTime time) {
        this.readModel = readModel;
        this.names = names;
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
        // a few people own most of a team's actions: look each up once
        Map<String, String> people = new HashMap<>();
        model.addAttribute("teamName", names.team(shown));
        model.addAttribute("teams", led.stream().map(id -> new TeamOption(id, names.team(id), id.equals(shown))).toList());
        model.addAttribute("rows", readModel.openTasksOf(shown).stream()
                .map(entry -> row(entry, now, locale, people))
                .toList());
        return "tasks/list";
    }

    private TaskRow row(TaskListEntry entry, Instant now, Locale locale, Map<String, String> people) {
        TaskSummary task = entry.task();
        String assigneeName = entry.assignee() == null ? null : people.computeIfAbsent(entry.assignee(), names::person);
        return new TaskRow(task, time.format(task.dueAt(), locale), task.isOverdueAt(now), assigneeName,
                CommandPages.forTask(task.step(), task.incidentId(), task.taskId()).orElse(null));
    }
}
