package nl.veiligwerken.query.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the team leader's task inbox.
 *
 * @param dueSoon how far ahead a task counts as due soon ("Binnenkort") rather than simply open
 */
@ConfigurationProperties("veilig-werken.tasks")
public record TaskInboxProperties(Duration dueSoon) {

    public TaskInboxProperties {
        Objects.requireNonNull(dueSoon, "veilig-werken.tasks.due-soon");
        if (dueSoon.isNegative()) {
            throw new IllegalArgumentException("veilig-werken.tasks.due-soon must not be negative: " + dueSoon);
        }
    }
}
