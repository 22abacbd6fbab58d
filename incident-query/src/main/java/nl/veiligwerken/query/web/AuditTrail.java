package nl.veiligwerken.query.web;

import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The audit log as the prevention officer reads it: filtered on person, incident and days, 50 rows a page. */
@Component
class AuditTrail {

    static final int PAGE_SIZE = 50;
    /** The longest username and incident identifier the log holds (its columns' width). */
    static final int TERM_MAX = 64;

    private final AuditLog log;
    private final OrganisationTime time;

    AuditTrail(AuditLog log, OrganisationTime time) {
        this.log = log;
        this.time = time;
    }

    /** The page the form asks for; null when a field is wrong, with the reason in {@code errors}. */
    AuditLog.Page find(AuditFilterForm form, Errors errors) {
        LocalDate from = day(form.from(), "from", errors);
        LocalDate to = day(form.to(), "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.rejectValue("to", "audit.filter.to.beforeFrom");
        }
        term(form.user(), "user", errors);
        term(form.incident(), "incident", errors);
        int page = page(form.page(), errors);
        if (errors.hasErrors()) {
            return null;
        }
        AuditLog.Filter filter = new AuditLog.Filter(
                from == null ? null : startOf(from),
                to == null ? null : startOf(to.plusDays(1)),
                blankToNull(form.user()),
                blankToNull(form.incident()));
        return log.find(filter, page, PAGE_SIZE);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(time.zone()).toInstant();
    }

    private static LocalDate day(String value, String field, Errors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "audit.filter.day.invalid");
            return null;
        }
    }

    /** Any text is a search (finding nothing is an answer), but one longer than any username or id is a mistake. */
    private static void term(String value, String field, Errors errors) {
        if (value != null && value.strip().length() > TERM_MAX) {
            errors.rejectValue(field, "audit.filter.term.tooLong", new Object[]{TERM_MAX}, null);
        }
    }

    private static int page(String value, Errors errors) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int page = Integer.parseInt(value.strip());
            if (page >= 0 && page <= 100_000) {
                return page;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.rejectValue("page", "audit.filter.page.invalid");
        return 0;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
