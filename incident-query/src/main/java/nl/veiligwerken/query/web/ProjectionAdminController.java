package nl.veiligwerken.query.web;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import nl.veiligwerken.query.admin.Projections;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** For the administrator: the views and how far each has come, and rebuilding one from the event store. */
@Controller
class ProjectionAdminController {

    private final Projections projections;

    ProjectionAdminController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping("/admin/projections")
    String page(@AuthenticationPrincipal VwUser user, Model model) {
        requireAdmin(user);
        model.addAttribute("projections", projections.all());
        return "admin/projections";
    }

    @PostMapping("/admin/projections/{name}/rebuild")
    String rebuild(@PathVariable String name, @AuthenticationPrincipal VwUser user, RedirectAttributes flash) {
        requireAdmin(user);
        rebuildOrNotFound(name);
        flash.addFlashAttribute("rebuilding", name);
        return "redirect:/admin/projections";
    }

    @GetMapping("/api/admin/projections")
    @ResponseBody
    List<Projections.Status> all(@AuthenticationPrincipal VwUser user) {
        requireAdmin(user);
        return projections.all();
    }

    /** 202: the rebuild runs on; follow it with GET /api/admin/projections. */
    @PostMapping("/api/admin/projections/{name}/rebuild")
    @ResponseBody
    ResponseEntity<Projections.Status> rebuildApi(@PathVariable String name, @AuthenticationPrincipal VwUser user) {
        requireAdmin(user);
        rebuildOrNotFound(name);
        return ResponseEntity.accepted().body(projections.find(name).orElseThrow());
    }

    /** 200 with the view's status once its processor has stopped; its tables stay as they are. */
    @PostMapping("/api/admin/projections/{name}/pause")
    @ResponseBody
    Projections.Status pauseApi(@PathVariable String name, @AuthenticationPrincipal VwUser user) {
        requireAdmin(user);
        if (!projections.pause(name)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
        }
        return projections.find(name).orElseThrow();
    }

    /** 200 with the view's status; it catches up from where it was paused. */
    @PostMapping("/api/admin/projections/{name}/resume")
    @ResponseBody
    Projections.Status resumeApi(@PathVariable String name, @AuthenticationPrincipal VwUser user) {
        requireAdmin(user);
        if (!projections.resume(name)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
        }
        return projections.find(name).orElseThrow();
    }

    private void rebuildOrNotFound(String name) {
        if (!projections.rebuild(name)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
        }
    }

    private static void requireAdmin(VwUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("not an administrator");
        }
    }
}
