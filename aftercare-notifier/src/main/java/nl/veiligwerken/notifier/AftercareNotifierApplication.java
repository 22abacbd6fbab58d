package nl.veiligwerken.notifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tells team leaders about new tasks: reads {@code incident-events} from Kafka, keeps notifications, mails them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AftercareNotifierApplication {

    public static void main(String[] args) {
        SpringApplication.run(AftercareNotifierApplication.class, args);
    }
}
