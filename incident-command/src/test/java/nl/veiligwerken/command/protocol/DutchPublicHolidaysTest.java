package nl.veiligwerken.command.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DutchPublicHolidaysTest {

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({
            "1818, 1818-03-22", // the earliest possible date
            "2000, 2000-04-23",
            "2008, 2008-03-23",
            "2019, 2019-04-21",
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2038, 2038-04-25", // the latest possible date
            "2285, 2285-03-22"})
    void easterSundayFollowsTheGregorianComputus(int year, LocalDate easter) {
        assertThat(DutchPublicHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void kingsDayMovesToSaturdayWhenThe27thIsASunday() {
        assertThat(DutchPublicHolidays.kingsDay(2025)).isEqualTo(LocalDate.of(2025, 4, 26));
        assertThat(DutchPublicHolidays.kingsDay(2014)).isEqualTo(LocalDate.of(2014, 4, 26));
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2025, 4, 26))).isTrue();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2025, 4, 27))).isFalse();
    }

    @Test
    void kingsDayIsThe27thOnAnyOtherDay() {
        assertThat(DutchPublicHolidays.kingsDay(2026)).isEqualTo(LocalDate.of(2026, 4, 27));
        assertThat(DutchPublicHolidays.kingsDay(2027)).isEqualTo(LocalDate.of(2027, 4, 27));
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 4, 27))).isTrue();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 4, 26))).isFalse();
    }

    @Test
    void liberationDayIsADayOffOnlyInLustrumYears() {
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2025, 5, 5))).isTrue();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2030, 5, 5))).isTrue();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 5, 5))).isFalse();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2029, 5, 5))).isFalse();
    }

    @Test
    void theHolidaysThatMoveWithEasterFollowIt() {
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 4, 6))).as("Easter Monday").isTrue();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 5, 14))).as("Ascension Day").isTrue();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 5, 25))).as("Whit Monday").isTrue();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2025, 4, 21))).as("Easter Monday 2025").isTrue();
    }

    @Test
    void theFixedHolidaysAreDaysOff() {
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 1, 1))).as("New Year's Day").isTrue();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 12, 25))).as("Christmas Day").isTrue();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 12, 26))).as("Boxing Day").isTrue();
    }

    @Test
    void goodFridayAndOrdinaryDaysAreNoHolidays() {
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 4, 3))).as("Good Friday").isFalse();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 12, 24))).as("Christmas Eve").isFalse();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 12, 31))).as("New Year's Eve").isFalse();
        assertThat(DutchPublicHolidays.isHoliday(LocalDate.of(2026, 11, 23))).isFalse();
    }
}
