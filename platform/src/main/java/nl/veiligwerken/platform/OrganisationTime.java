package nl.veiligwerken.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Wall-clock time in the organisation's zone, whatever zone a server runs in: what people type into a form
 * ("yesterday at half past three") and read on a page or in a mail. Everything stored is an {@link Instant}.
 */
public final class OrganisationTime {

    private final ZoneId zone;
    private final Clock clock;

    public OrganisationTime(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant toInstant(LocalDateTime wallClock) {
        return wallClock.atZone(zone).toInstant();
    }

    /** The wall-clock time of {@code instant} here, to the minute: what a form shows. */
    public LocalDateTime toLocalDateTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    /** The organisation's date today: the day a person there would say it is. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(zone));
    }

    /** Now on the organisation's wall clock, to the minute (what a form field shows). */
    public LocalDateTime nowToTheMinute() {
        return LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MINUTES);
    }

    /** For pages: "23 nov 2026, 10:15". Empty for no time at all. */
    public String format(Instant instant, Locale locale) {
        return format(instant, locale, FormatStyle.MEDIUM);
    }

    /** For mails, where there is room: "23 november 2026, 10:15". */
    public String formatLong(Instant instant, Locale locale) {
        return format(instant, locale, FormatStyle.LONG);
    }

    private String format(Instant instant, Locale locale, FormatStyle dateStyle) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(dateStyle, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }
}
