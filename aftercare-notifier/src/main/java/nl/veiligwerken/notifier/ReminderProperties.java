package nl.veiligwerken.notifier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * When the owner of an open task is reminded.
 *
 * @param dueSoon  how long before the due time a reminder goes out; each at most once per task, and none that
 *                 is as long as or longer than the task's whole span (it would arrive with the task itself)
 * @param interval pause between two runs of the reminder job; a reminder is late by at most this much
 */
@ConfigurationProperties("veilig-werken.notifier.reminders")
public record ReminderProperties(
        @DefaultValue({"1d", "4h"}) List<Duration> dueSoon,
        @DefaultValue("1m") Duration interval) {

    public ReminderProperties {
        dueSoon = dueSoon.stream().filter(lead -> !lead.isNegative() && !lead.isZero()).distinct().sorted().toList();
    }
}
