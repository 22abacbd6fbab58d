package nl.veiligwerken.query.web;

import nl.veiligwerken.platform.audit.AuditLog;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/** The audit log as JSON, for the prevention officer only; a wrong day or page is a 400 naming the field. */
@RestController
class AuditApiController {

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit")
    AuditLog.Page audit(@ModelAttribute("filter") AuditFilterForm filter, BindingResult errors,
                        @AuthenticationPrincipal VwUser user) throws BindException {
        ReadAccess.requireMayReadAudit(user);
        AuditLog.Page page = trail.find(filter, errors);
        if (page == null) {
            throw new BindException(errors);
        }
        return page;
    }
}
