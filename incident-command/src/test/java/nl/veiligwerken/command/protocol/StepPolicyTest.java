package nl.veiligwerken.command.protocol;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StepPolicyTest {

    private static final Instant DUE = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void aStepDoneAtOrBeforeItsDueTimeIsOnTime() {
        assertThat(StepPolicy.isLate(DUE, DUE)).isFalse();
        assertThat(StepPolicy.isLate(DUE.minusSeconds(1), DUE)).isFalse();
    }

    @Test
    void aStepDoneAfterItsDueTimeIsLate() {
        assertThat(StepPolicy.isLate(DUE.plusSeconds(1), DUE)).isTrue();
    }
}
