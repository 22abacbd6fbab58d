package nl.veiligwerken.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformDefaultsTest {

    @Test
    void aServicesOwnSettingOverridesTheSharedDefault() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MockPropertySource("application.yml")
                .withProperty("spring.jpa.open-in-view", "true"));

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.jpa.open-in-view")).isEqualTo("true");
        assertThat(environment.getProperty("spring.session.jdbc.table-name")).isEqualTo("identity.spring_session");
    }

    @Test
    void theAxonDefaultsComeWithAxonAndOverrideTheGeneralOnes() {
        StandardEnvironment environment = new StandardEnvironment();

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        // platform's own tests have Axon on the class path (an optional dependency)
        assertThat(environment.getProperty("axon.serializer.events")).isEqualTo("jackson3");
        assertThat(environment.getProperty("veilig-werken.shared-schemas")).isEqualTo("identity,eventstore,audit,keyring");
    }
}
