package nl.veiligwerken.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Takes reports and the protocol's steps as commands and keeps the incident's events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IncidentCommandApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncidentCommandApplication.class, args);
    }
}
