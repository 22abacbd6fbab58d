package nl.veiligwerken.query.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Times as a person reads them: Dutch wall-clock time, whatever zone the server runs in. */
final class DisplayTime {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private DisplayTime() {
    }

    static String format(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZONE).format(instant);
    }
}
