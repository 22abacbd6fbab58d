package nl.veiligwerken.query.web;

import nl.veiligwerken.platform.audit.AuditAction;
import nl.veiligwerken.platform.audit.AuditLog;
import nl.veiligwerken.platform.audit.Audited;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/privacy/export?person=}: a person's data as JSON, a file to hand over (see
 * {@link PersonalDataExports}). The prevention officer's only, and on record in the audit log as an export naming
 * the person; a missing person is a 400 naming the field, an unknown one an empty export.
 */
@RestController
class PrivacyExportApiController {

    private final PersonalDataExports exports;

    PrivacyExportApiController(PersonalDataExports exports) {
        this.exports = exports;
    }

    @GetMapping("/api/privacy/export")
    @Audited(AuditAction.PERSONAL_DATA_EXPORT)
    ResponseEntity<PersonalDataExports.Export> export(@ModelAttribute("form") PrivacyExportForm form,
                                                      BindingResult errors, @AuthenticationPrincipal VwUser user)
            throws BindException {
        ReadAccess.requireMayExportPersonalData(user);
        String person = PersonalDataExports.person(form, errors).orElseThrow(() -> new BindException(errors));
        AuditLog.subject("person=" + person);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(PersonalDataExports.filename(person), StandardCharsets.UTF_8).build().toString())
                .body(exports.of(person));
    }
}
