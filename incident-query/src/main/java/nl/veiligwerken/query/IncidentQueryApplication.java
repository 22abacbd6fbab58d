package nl.veiligwerken.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The read side: views projected from the event store, and the pages and JSON that show them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IncidentQueryApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncidentQueryApplication.class, args);
    }
}
