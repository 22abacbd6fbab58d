package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.ReminderProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the due-soon reminders at the configured interval (fixed delay: a slow run never overlaps the next). */
@Configuration(proxyBeanMethods = false)
class ReminderSchedule implements SchedulingConfigurer {

    private final DueSoonReminders reminders;
    private final ReminderProperties properties;

    ReminderSchedule(DueSoonReminders reminders, ReminderProperties properties) {
        this.reminders = reminders;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(reminders::sendDue, properties.interval());
    }
}
