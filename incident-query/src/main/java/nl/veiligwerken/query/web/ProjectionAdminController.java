package nl.veiligwerken.query.web;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import nl.veiligwerken.query.admin.Projections;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For the administrator: the views and how far each has come, and rebuilding one from the event store (the
 * JSON API of the same is {@link ProjectionAdminApiController}).
 */
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
        rebuildOrNotFound(projections, name);
        flash.addFlashAttribute("rebuilding", name);
        return "redirect:/admin/projections";
    }

    static void rebuildOrNotFound(Projections projections, String name) {
        if (!projections.rebuild(name)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
        }
    }

    static void requireAdmin(VwUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("not an administrator");
        }
    }
}
