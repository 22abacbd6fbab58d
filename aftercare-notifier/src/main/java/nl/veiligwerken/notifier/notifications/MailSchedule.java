package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.NotifierProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Drains the mail outbox at the configured interval (fixed delay: a slow run never overlaps the next). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailSchedule implements SchedulingConfigurer {

    private final MailOutbox outbox;
    private final NotifierProperties properties;

    MailSchedule(MailOutbox outbox, NotifierProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(outbox::sendDue, properties.mail().interval());
    }
}
