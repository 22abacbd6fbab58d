package nl.veiligwerken.query.web;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.PlatformProperties;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The task inbox as JSON: the open tasks of all the teams the person leads, or of the one named. */
@RestController
class TaskApiController {

    private final ReadModel readModel;
    private final Clock clock;
    private final PlatformProperties platform;
    private final TaskInboxProperties inbox;

    TaskApiController(ReadModel readModel, Clock clock, PlatformProperties platform, TaskInboxProperties inbox) {
        this.readModel = readModel;
        this.clock = clock;
        this.platform = platform;
        this.inbox = inbox;
    }

    @GetMapping("/api/tasks")
    List<TaskJson> openTasks(@RequestParam(name = "team", required = false) String team,
                             @AuthenticationPrincipal VwUser user) {
        List<TeamId> teams = ReadAccess.requireLedTeams(user, team);
        Instant now = clock.instant();
        String commandBaseUrl = platform.links().command();
        return readModel.openTasksOf(teams).stream()
                .map(task -> TaskJson.of(task, now, inbox.dueSoon(), commandBaseUrl))
                .toList();
    }
}
