package nl.veiligwerken.query.queries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written as people and the API write it: {@code 2026-Q3}. */
public record Quarter(int year, int number) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4: " + number);
        }
    }

    /** The quarter {@code moment} falls in on the calendar of {@code zone}. */
    public static Quarter of(Instant moment, ZoneId zone) {
        return of(moment.atZone(zone).toLocalDate());
    }

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** Empty for anything that is not {@code yyyy-Qn}. */
    public static Optional<Quarter> parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        return m != null && m.matches()
                ? Optional.of(new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
