package nl.veiligwerken.platform.axon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class AxonUpdateCheckerSwitchTest {

    @AfterEach
    void clear() {
        System.clearProperty(AxonUpdateCheckerSwitch.PROPERTY);
    }

    @Test
    void theSpringSettingBecomesTheSystemPropertyAxonReads() {
        System.clearProperty(AxonUpdateCheckerSwitch.PROPERTY);
        new AxonUpdateCheckerSwitch().postProcessEnvironment(
                new MockEnvironment().withProperty(AxonUpdateCheckerSwitch.PROPERTY, "true"), new SpringApplication());
        assertThat(System.getProperty(AxonUpdateCheckerSwitch.PROPERTY)).isEqualTo("true");
    }

    @Test
    void anExplicitSystemPropertyWins() {
        System.setProperty(AxonUpdateCheckerSwitch.PROPERTY, "false");
        new AxonUpdateCheckerSwitch().postProcessEnvironment(
                new MockEnvironment().withProperty(AxonUpdateCheckerSwitch.PROPERTY, "true"), new SpringApplication());
        assertThat(System.getProperty(AxonUpdateCheckerSwitch.PROPERTY)).isEqualTo("false");
    }
}
