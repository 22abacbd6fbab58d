package nl.veiligwerken.notifier.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalTime;

/**
 * The daily digest.
 *
 * @param at    the time of day, in the organisation's zone, from which a day's digest goes out; it lists the
 *              non-urgent notifications that came before that time and were not in a digest yet
 * @param check how often the notifier looks whether a digest is due. A check after a stop still sends the digest
 *              that was due while the service was down, so it never depends on running at exactly {@code at}
 */
@ConfigurationProperties("veilig-werken.notifier.digest")
public record DigestProperties(
        @DefaultValue("07:30") LocalTime at,
        @DefaultValue("1m") Duration check) {
}
