package nl.veiligwerken.query.web;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.PlatformProperties;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

@RestController
class TaskApiController {

    private final ReadModel readModel;
    private final Clock clock;
    private final PlatformProperties platform;

    TaskApiController(ReadModel readModel, Clock clock, PlatformProperties platform) {
        this.readModel = readModel;
        this.clock = clock;
        this.platform = platform;
    }

    @GetMapping("/api/tasks")
    List<TaskJson> openTasks(@RequestParam("team") String team, @AuthenticationPrincipal VwUser user) {
        if (team.isBlank()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "tasks.team.missing");
        }
        TeamId teamId = new TeamId(team);
        ReadAccess.requireLeads(user, teamId);
        Instant now = clock.instant();
        String commandBaseUrl = platform.links().command();
        return readModel.openTasksOf(teamId).stream().map(task -> TaskJson.of(task, now, commandBaseUrl)).toList();
    }
}
