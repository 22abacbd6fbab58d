package nl.veiligwerken.command.protocol;

import nl.veiligwerken.api.protocol.DueTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class DueTimesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private final DueTimes dueTimes = new DueTimes(AMSTERDAM);

    /** A moment as a clock on the wall in Amsterdam shows it. */
    private static Instant local(String dateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(dateTime), AMSTERDAM).toInstant();
    }

    @Test
    void hoursAreElapsedHours() {
        assertThat(dueTimes.dueAt(Instant.parse("2026-11-23T09:00:00Z"), DueTime.hours(24)))
                .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(dueTimes.dueAt(Instant.parse("2026-11-23T09:00:00Z"), DueTime.hours(72)))
                .isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
    }

    @Test
    void hoursAcrossTheClockChangeAreStillElapsedHours() {
        // the clocks go back on Sunday 25 October 2026: 24 hours after Saturday noon is Sunday 11:00 on the wall
        assertThat(dueTimes.dueAt(local("2026-10-24T12:00"), DueTime.hours(24))).isEqualTo(local("2026-10-25T11:00"));
    }

    @Test
    void daysKeepTheTimeOfDayAcrossTheClockChangeInAutumn() {
        Instant due = dueTimes.dueAt(local("2026-10-24T09:00"), DueTime.days(14));

        assertThat(due).isEqualTo(local("2026-11-07T09:00"));
        assertThat(due).isEqualTo(Instant.parse("2026-11-07T08:00:00Z"));
    }

    @Test
    void daysKeepTheTimeOfDayAcrossTheClockChangeInSpring() {
        // the clocks go forward on Sunday 29 March 2026
        Instant due = dueTimes.dueAt(local("2026-03-28T09:00"), DueTime.days(1));

        assertThat(due).isEqualTo(local("2026-03-29T09:00"));
        assertThat(due).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    }

    @Test
    void aWorkingDayAfterFridayIsMonday() {
        assertThat(dueTimes.dueAt(local("2026-11-20T16:00"), DueTime.workingDays(1))).isEqualTo(local("2026-11-23T16:00"));
        assertThat(dueTimes.dueAt(local("2026-11-20T16:00"), DueTime.workingDays(2))).isEqualTo(local("2026-11-24T16:00"));
    }

    @Test
    void aReportInTheWeekendCountsFromTheNextWorkingDay() {
        assertThat(dueTimes.dueAt(local("2026-11-21T11:00"), DueTime.workingDays(1))).isEqualTo(local("2026-11-23T11:00"));
        assertThat(dueTimes.dueAt(local("2026-11-22T23:00"), DueTime.workingDays(1))).isEqualTo(local("2026-11-23T23:00"));
    }

    @Test
    void sevenWorkingDaysFromMondayAreTheWednesdayOfTheNextWeek() {
        assertThat(dueTimes.dueAt(local("2026-11-23T10:00"), DueTime.workingDays(7))).isEqualTo(local("2026-12-02T10:00"));
    }

    @Test
    void kingsDaySkippedOnAMonday() {
        // 27 April 2026 is a Monday
        assertThat(dueTimes.dueAt(local("2026-04-24T10:00"), DueTime.workingDays(1))).isEqualTo(local("2026-04-28T10:00"));
    }

    @Test
    void easterMondaySkippedButGoodFridayIsAWorkingDay() {
        // Easter Monday 2026 is 6 April; Good Friday (3 April) is worked
        assertThat(dueTimes.dueAt(local("2026-04-02T10:00"), DueTime.workingDays(1))).isEqualTo(local("2026-04-03T10:00"));
        assertThat(dueTimes.dueAt(local("2026-04-03T10:00"), DueTime.workingDays(1))).isEqualTo(local("2026-04-07T10:00"));
    }

    @Test
    void bothChristmasDaysSkipped() {
        // 2025: Christmas on Thursday and Friday
        assertThat(dueTimes.dueAt(local("2025-12-24T10:00"), DueTime.workingDays(1))).isEqualTo(local("2025-12-29T10:00"));
        // 2026: Christmas on Friday and Saturday
        assertThat(dueTimes.dueAt(local("2026-12-24T10:00"), DueTime.workingDays(1))).isEqualTo(local("2026-12-28T10:00"));
    }

    @Test
    void workingDaysAcrossTheClockChangeKeepTheTimeOfDay() {
        // Friday 23 October 2026 09:00 (summer time) + 1 working day = Monday 26 October 09:00 (winter time)
        Instant due = dueTimes.dueAt(local("2026-10-23T09:00"), DueTime.workingDays(1));

        assertThat(due).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void endOfDayIsTheLastMomentOfTheLocalDay() {
        assertThat(dueTimes.endOfDay(Instant.parse("2026-11-23T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T22:59:59.999999Z"));
        assertThat(dueTimes.endOfDay(Instant.parse("2026-07-01T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-01T21:59:59.999999Z"));
    }

    @Test
    void endOfDayKeepsToWhatADatabaseStoresSoItIsNotRoundedIntoTheNextDay() {
        Instant end = dueTimes.endOfDay(Instant.parse("2026-11-23T09:00:00Z"));

        assertThat(end.truncatedTo(java.time.temporal.ChronoUnit.MICROS)).isEqualTo(end);
    }

    @Test
    void endOfDayFollowsTheLocalDateNotTheUtcDate() {
        // 00:30 on 24 November in Amsterdam is still 23 November in UTC
        assertThat(dueTimes.endOfDay(Instant.parse("2026-11-23T23:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-24T22:59:59.999999Z"));
        // 23:30 on 23 November in Amsterdam
        assertThat(dueTimes.endOfDay(Instant.parse("2026-11-23T22:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-23T22:59:59.999999Z"));
    }

    @Test
    void weekendsAndHolidaysAreNoWorkingDays() {
        assertThat(DueTimes.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue();
        assertThat(DueTimes.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse();
        assertThat(DueTimes.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse();
        assertThat(DueTimes.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
    }
}
