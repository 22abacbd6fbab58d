package nl.veiligwerken.command.protocol;

import nl.veiligwerken.api.protocol.DueTime;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a step is due, counted in the organisation's time zone: hours are elapsed hours; days keep the time of
 * day across a clock change; working days skip weekends and public holidays and keep the time of day too
 * (a report on Friday 16:00 with "2 working days" is due Tuesday 16:00).
 */
public final class DueTimes {

    private final ZoneId zone;

    public DueTimes(ZoneId zone) {
        this.zone = zone;
    }

    public Instant dueAt(Instant from, DueTime due) {
        ZonedDateTime start = from.atZone(zone);
        return switch (due.unit()) {
            case HOURS -> from.plusSeconds(3600L * due.amount());
            case DAYS -> start.plusDays(due.amount()).toInstant();
            case WORKING_DAYS -> start.with(addWorkingDays(start.toLocalDate(), due.amount())).toInstant();
        };
    }

    /** The last moment of the day {@code moment} falls on: "the same day". */
    private static final LocalTime LAST_MICROSECOND = LocalTime.MAX.truncatedTo(ChronoUnit.MICROS);

    /** Whole years later in the organisation's calendar (29 February: the 28th in a year without it). */
    public Instant yearsAfter(Instant from, int years) {
        return from.atZone(zone).plusYears(years).toInstant();
    }

    public Instant endOfDay(Instant moment) {
        LocalDate day = moment.atZone(zone).toLocalDate();
        // to the microsecond: PostgreSQL keeps no more, and would round 23:59:59.999999999 up to the next day
        return day.atTime(LAST_MICROSECOND).atZone(zone).toInstant();
    }

    static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !DutchPublicHolidays.isHoliday(date);
    }

    private static LocalDate addWorkingDays(LocalDate start, int amount) {
        LocalDate date = start;
        int counted = 0;
        while (counted < amount) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }
}
