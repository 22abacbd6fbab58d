package nl.veiligwerken.query.web;

import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.PlatformProperties;
import nl.veiligwerken.platform.security.SecurityConfiguration;
import nl.veiligwerken.platform.web.ApiProblemHandler;
import nl.veiligwerken.platform.web.LayoutModelAdvice;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What the platform gives a running service, for {@code @WebMvcTest} slices: sign-in rules, problem answers,
 * the layout's model (links between the services), and a fixed clock at {@link #NOW}.
 */
@TestConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
@Import({SecurityConfiguration.class, ApiProblemHandler.class, LayoutModelAdvice.class, DirectoryNames.class})
class WebSliceConfiguration {

    static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");
    /** The command service's address in these tests (the default of {@code veilig-werken.links.command}). */
    static final String COMMAND = "http://localhost:8081";

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    OrganisationTime organisationTime(PlatformProperties properties, Clock clock) {
        return new OrganisationTime(properties.zone(), clock);
    }
}
