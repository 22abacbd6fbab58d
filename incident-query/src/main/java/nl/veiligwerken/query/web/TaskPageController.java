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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The team leader's task inbox: the open tasks of all the teams they lead (or of one, {@code ?team=}), in three
 * parts: overdue, due soon, the rest. Coming back from the command service with {@code ?seen=}, it first waits
 * briefly for the task view to show the change.
 */
@Controller
class TaskPageController {

    record TeamOption(TeamId id, String name, boolean current) {
    }

    /**
     * One row: {@code teamName} the team's name (null when the inbox shows one team); {@code assigneeName} the
     * person a follow-up action is for (null: the task is for the summary's role); {@code description} what an
     * action is about (null: a protocol step); {@code actionPath} the command service's form for the step
     * (null: none).
     */
    record TaskRow(TaskSummary task, String teamName, String due, String assigneeName, String description,
                   String actionPath) {
    }

    /** One part of the inbox, with its rows earliest due first. */
    record Section(TaskSection section, List<TaskRow> rows) {
    }

    private final ReadModel readModel;
    private final DirectoryNames names;
    private final Clock clock;
    private final OrganisationTime time;
    private final TaskInboxProperties inbox;
    private final ViewCatchUp catchUp;

    TaskPageController(ReadModel readModel, DirectoryNames names, Clock clock, OrganisationTime time,
                       TaskInboxProperties inbox, ViewCatchUp catchUp) {
        this.readModel = readModel;
        this.names = names;
        this.clock = clock;
        this.time = time;
        this.inbox = inbox;
        this.catchUp = catchUp;
    }

    @GetMapping("/tasks")
    String tasks(@RequestParam(name = "team", required = false) String team,
                 @RequestParam(name = "seen", required = false) String seen,
                 @AuthenticationPrincipal VwUser user, Locale locale, Model model) {
        List<TeamId> shown = ReadAccess.requireLedTeams(user, team);
        boolean caughtUp = Seen.parse(seen)
                .map(change -> catchUp.awaitVersion(change.version(), () -> readModel.taskViewVersion(change.incidentId())))
                .orElse(true);

        Instant now = clock.instant();
        boolean oneAsked = team != null && !team.isBlank();
        List<TeamId> led = ReadAccess.ledTeams(user);
        Map<TeamId, String> teamNames = new HashMap<>();
        led.forEach(id -> teamNames.put(id, names.team(id)));
        boolean manyTeams = shown.size() > 1;
        // a few people own most of a team's actions: look each up once
        Map<String, String> people = new HashMap<>();
        Map<TaskSection, List<TaskRow>> bySection = new EnumMap<>(TaskSection.class);
        Arrays.stream(TaskSection.values()).forEach(section -> bySection.put(section, new ArrayList<>()));
        for (TaskListEntry entry : readModel.openTasksOf(shown)) {
            TaskSummary task = entry.task();
            String teamName = manyTeams ? teamNames.computeIfAbsent(task.teamId(), names::team) : null;
            bySection.get(TaskSection.of(task, now, inbox.dueSoon())).add(row(entry, teamName, locale, people));
        }

        // one team (asked for, or the only one led) is named in the heading; several get a column of their own
        model.addAttribute("teamName", manyTeams ? null : teamNames.computeIfAbsent(shown.get(0), names::team));
        model.addAttribute("showTeam", manyTeams);
        model.addAttribute("teams", led.stream()
                .map(id -> new TeamOption(id, teamNames.get(id), oneAsked && id.equals(shown.get(0)))).toList());
        model.addAttribute("allTeams", !oneAsked);
        model.addAttribute("dueSoonHours", inbox.dueSoon().toHours());
        model.addAttribute("sections", bySection.entrySet().stream()
                .map(section -> new Section(section.getKey(), section.getValue())).toList());
        model.addAttribute("stale", !caughtUp);
        model.addAttribute("seenUnreadable", Seen.unreadable(seen));
        return "tasks/list";
    }

    private TaskRow row(TaskListEntry entry, String teamName, Locale locale, Map<String, String> people) {
        TaskSummary task = entry.task();
        String assigneeName = entry.assignee() == null ? null : people.computeIfAbsent(entry.assignee(), names::person);
        return new TaskRow(task, teamName, time.format(task.dueAt(), locale), assigneeName, entry.description(),
                CommandPages.forTask(task.step(), task.incidentId(), task.taskId()).orElse(null));
    }
}
