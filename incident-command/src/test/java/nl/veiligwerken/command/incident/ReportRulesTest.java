package nl.veiligwerken.command.incident;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReportRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"CL-4711", "cl-4711", "4711", "12", " CL-4711 ", "A1B2-C3"})
    void aClientNumberIsAccepted(String reference) {
        assertThat(ReportRules.isPseudonymousReference(reference)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jan", "de Vries", "Jan de Vries", "Anne-Marie", "CL 4711", "7", "Jansen (4711)", "Zoë-12"})
    void aNameOrSomethingElseIsRefused(String reference) {
        assertThat(ReportRules.isPseudonymousReference(reference)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void noClientNumberIsAllowed(String reference) {
        assertThat(ReportRules.isPseudonymousReference(reference)).isTrue();
    }

    @Test
    void aClientNumberHasAtMost32Characters() {
        assertThat(ReportRules.isPseudonymousReference("1".repeat(ReportRules.CLIENT_REFERENCE_MAX))).isTrue();
        assertThat(ReportRules.isPseudonymousReference("1".repeat(ReportRules.CLIENT_REFERENCE_MAX + 1))).isFalse();
    }
}
