package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.NotifierProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Drains the mail outbox at the configured interval, and looks whether a daily digest is due (fixed delays: a
 * slow run never overlaps the next).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailSchedule implements SchedulingConfigurer {

    private final MailOutbox outbox;
    private final DailyDigest digest;
    private final NotifierProperties properties;
    private final DigestProperties digestProperties;

    MailSchedule(MailOutbox outbox, DailyDigest digest, NotifierProperties properties, DigestProperties digestProperties) {
        this.outbox = outbox;
        this.digest = digest;
        this.properties = properties;
        this.digestProperties = digestProperties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(outbox::sendDue, properties.mail().interval());
        registrar.addFixedDelayTask(digest::run, digestProperties.check());
    }
}
