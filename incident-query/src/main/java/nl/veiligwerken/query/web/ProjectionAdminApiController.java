package nl.veiligwerken.query.web;

import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import nl.veiligwerken.query.admin.Projections;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The administrator's views over JSON. A {@code @RestController} of its own, so that its refusals (a view that
 * does not exist) are problem JSON with a Dutch detail like every other API error: on the page controller they
 * were a bare 404.
 */
@RestController
class ProjectionAdminApiController {

    private final Projections projections;

    ProjectionAdminApiController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping("/api/admin/projections")
    List<Projections.Status> all(@AuthenticationPrincipal VwUser user) {
        ProjectionAdminController.requireAdmin(user);
        return projections.all();
    }

    /** 202: the rebuild runs on; follow it with GET /api/admin/projections. */
    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<Projections.Status> rebuildApi(@PathVariable String name, @AuthenticationPrincipal VwUser user) {
        ProjectionAdminController.requireAdmin(user);
        ProjectionAdminController.rebuildOrNotFound(projections, name);
        return ResponseEntity.accepted().body(projections.find(name).orElseThrow());
    }

    /** 200 with the view's status once its processor has stopped; its tables stay as they are. */
    @PostMapping("/api/admin/projections/{name}/pause")
    Projections.Status pauseApi(@PathVariable String name, @AuthenticationPrincipal VwUser user) {
        ProjectionAdminController.requireAdmin(user);
        if (!projections.pause(name)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
        }
        return projections.find(name).orElseThrow();
    }

    /** 200 with the view's status; it catches up from where it was paused. */
    @PostMapping("/api/admin/projections/{name}/resume")
    Projections.Status resumeApi(@PathVariable String name, @AuthenticationPrincipal VwUser user) {
        ProjectionAdminController.requireAdmin(user);
        if (!projections.resume(name)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
        }
        return projections.find(name).orElseThrow();
    }
}
