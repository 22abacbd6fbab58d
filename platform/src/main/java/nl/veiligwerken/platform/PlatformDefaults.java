package nl.veiligwerken.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Adds the settings every service shares ({@code platform-defaults.yml}, and {@code axon-defaults.yml} where
 * Axon is present) as the environment's last, weakest source: a service's own {@code application.yml},
 * environment variables and system properties all override them. ({@code spring.config.import} would do the
 * opposite: an imported file overrides the file that imports it.)
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String PLATFORM = "platform-defaults.yml";
    static final String AXON = "axon-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // the Axon defaults first, so they end up before the general ones: both are weaker than anything else
        if (ClassUtils.isPresent("org.axonframework.config.Configurer", getClass().getClassLoader())) {
            addLast(environment, AXON);
        }
        addLast(environment, PLATFORM);
    }

    private static void addLast(ConfigurableEnvironment environment, String resource) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load("veilig-werken " + resource, new ClassPathResource(resource));
            sources.forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After the config files are loaded, so "last" means after them; and just before
     * {@code AxonUpdateCheckerSwitch}, which reads a setting from the Axon defaults.
     */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
