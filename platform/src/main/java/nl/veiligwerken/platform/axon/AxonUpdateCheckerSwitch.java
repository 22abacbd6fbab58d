package nl.veiligwerken.platform.axon;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Axon's update checker reads {@code axoniq.update-checker.disabled} only as a JVM system property (or the
 * environment variable {@code AXONIQ_UPDATE_CHECKER_DISABLED}), not from Spring's configuration. Our machines
 * have no internet, so the checker would only log failures; this copies the Spring setting (axon-defaults.yml)
 * to the system property before the context starts the checker.
 */
public class AxonUpdateCheckerSwitch implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String disabled = environment.getProperty(PROPERTY);
        if (disabled != null && System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, disabled);
        }
    }

    /** After the config files are read, so the setting in axon-defaults.yml is visible. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
