package nl.veiligwerken.command.protocol;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;

/**
 * The national public holidays on which Dutch organisations commonly do not work: New Year's Day, Easter
 * Monday, King's Day, Liberation Day in lustrum years, Ascension Day, Whit Monday and Christmas. Good Friday
 * and Liberation Day in other years are not days off by law or by most collective agreements.
 */
final class DutchPublicHolidays {

    private DutchPublicHolidays() {
    }

    static boolean isHoliday(LocalDate date) {
        int year = date.getYear();
        LocalDate easter = easterSunday(year);
        return Set.of(
                LocalDate.of(year, Month.JANUARY, 1),
                easter.plusDays(1),
                kingsDay(year),
                easter.plusDays(39),
                easter.plusDays(50),
                LocalDate.of(year, Month.DECEMBER, 25),
                LocalDate.of(year, Month.DECEMBER, 26)).contains(date)
                || (year % 5 == 0 && date.equals(LocalDate.of(year, Month.MAY, 5)));
    }

    /** 27 April, or the 26th when the 27th is a Sunday. */
    static LocalDate kingsDay(int year) {
        LocalDate day = LocalDate.of(year, Month.APRIL, 27);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day;
    }

    /** Gregorian Easter Sunday (the anonymous Gregorian algorithm, also known as Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
