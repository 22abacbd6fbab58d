package nl.veiligwerken.query.web;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.PlatformProperties;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.SecurityConfiguration;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemHandler;
import nl.veiligwerken.platform.web.LayoutModelAdvice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * What a {@code @WebMvcTest} of this service's controllers shares: what the platform gives a running service
 * (sign-in rules, problem answers, the layout's links between the services, a clock fixed at {@link #NOW}, the
 * settings of application.yml, the real waiting for the views after a change),
 * the read model and the directory as mocks, and a team leader to sign in as.
 */
@Import(WebSliceTest.Platform.class)
abstract class WebSliceTest {

    static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");
    static final TeamId NOORD = new TeamId("noord");
    /** The command service's address in these tests (the default of {@code veilig-werken.links.command}). */
    static final String COMMAND = "http://localhost:8081";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ReadModel readModel;
    @MockitoBean
    AccountDirectory directory;

    static VwUser leader(TeamId team) {
        return new VwUser("mark", "Mark", "m@x", "{noop}x", true, Set.of(Role.TEAM_LEADER, Role.STAFF),
                Set.of(team), Set.of(team));
    }

    @TestConfiguration
    @EnableConfigurationProperties({PlatformProperties.class, TaskInboxProperties.class, ReadYourWritesProperties.class})
    @Import({SecurityConfiguration.class, ApiProblemHandler.class, LayoutModelAdvice.class, DirectoryNames.class,
            TimelineTexts.class, ViewCatchUp.class})
    static class Platform {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        OrganisationTime organisationTime(PlatformProperties properties, Clock clock) {
            return new OrganisationTime(properties.zone(), clock);
        }
    }
}
