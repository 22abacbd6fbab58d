package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.notifier.preferences.MailPreference;
import nl.veiligwerken.notifier.preferences.MailPreferences;
import nl.veiligwerken.platform.audit.AuditAction;
import nl.veiligwerken.platform.audit.AuditLog;
import nl.veiligwerken.platform.audit.Audited;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/privacy/export?person=}: the notifier's part of a person's data (GDPR art. 15 and 20), for the
 * prevention officer, who handles such requests (the query service's {@code /privacy/export} page offers both
 * parts): every notification the person received, with its mail's state, and the mail settings they chose
 * ({@code null}: never chose, the defaults apply). On record in the audit log as an export naming the person; a
 * missing person is a 400 naming the field, an unknown one an empty export.
 */
@RestController
class PrivacyExportApiController {

    /** The longest username the directory has. */
    static final int PERSON_MAX = 64;

    record PersonQuery(String person) {
    }

    record Export(String person, Instant exportedAt, List<NotificationView> notifications,
                  MailPreference mailPreference) {
    }

    private final Notifications notifications;
    private final MailPreferences preferences;
    private final Clock clock;

    PrivacyExportApiController(Notifications notifications, MailPreferences preferences, Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.clock = clock;
    }

    @GetMapping("/api/privacy/export")
    @Audited(AuditAction.PERSONAL_DATA_EXPORT)
    ResponseEntity<Export> export(@ModelAttribute("query") PersonQuery query, BindingResult errors,
                                  @AuthenticationPrincipal VwUser user) throws BindException {
        if (!user.hasRole(Role.PREVENTION_OFFICER)) {
            throw new AccessDeniedException("no export of personal data");
        }
        String person = query.person() == null ? "" : query.person().strip();
        if (person.isEmpty() || person.length() > PERSON_MAX) {
            errors.rejectValue("person", person.isEmpty() ? "privacy.export.person.required"
                    : "privacy.export.person.tooLong");
            throw new BindException(errors);
        }
        AuditLog.subject("person=" + person);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("berichten-" + person.replaceAll("[^A-Za-z0-9-]", "_") + ".json",
                                StandardCharsets.UTF_8).build().toString())
                .body(new Export(person, clock.instant(), notifications.exportOf(person),
                        preferences.chosen(person).orElse(null)));
    }
}
