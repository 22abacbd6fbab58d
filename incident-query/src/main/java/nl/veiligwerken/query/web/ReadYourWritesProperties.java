package nl.veiligwerken.query.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Objects;

/**
 * How a page the person returns to after a change waits for the views to show it.
 *
 * @param timeout  the longest a page waits before it shows what there is, with a note
 * @param interval how often it looks in the meantime
 */
@ConfigurationProperties("veilig-werken.read-your-writes")
public record ReadYourWritesProperties(Duration timeout, Duration interval) {

    public ReadYourWritesProperties {
        Objects.requireNonNull(timeout, "veilig-werken.read-your-writes.timeout");
        Objects.requireNonNull(interval, "veilig-werken.read-your-writes.interval");
        if (timeout.isNegative() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("read-your-writes needs a timeout >= 0 and an interval > 0");
        }
    }
}
