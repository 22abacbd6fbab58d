package nl.veiligwerken.command.protocol;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstSupportPolicyTest {

    private static final Instant REPORTED = Instant.parse("2026-11-23T22:30:00Z");

    @Test
    void firstSupportIsDueTheAgreedTimeAfterTheReport() {
        assertThat(FirstSupportPolicy.dueAt(REPORTED, new ProtocolDefaults(Duration.ofHours(24))))
                .isEqualTo(Instant.parse("2026-11-24T22:30:00Z"));
        assertThat(FirstSupportPolicy.dueAt(REPORTED, new ProtocolDefaults(Duration.ofHours(4))))
                .isEqualTo(Instant.parse("2026-11-24T02:30:00Z"));
    }

    @Test
    void anAgreementWithoutTimeIsRefused() {
        assertThatThrownBy(() -> new ProtocolDefaults(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProtocolDefaults(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
