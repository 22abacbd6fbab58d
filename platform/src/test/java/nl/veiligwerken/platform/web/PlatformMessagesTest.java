package nl.veiligwerken.platform.web;

import nl.veiligwerken.platform.test.MessageBundles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformMessagesTest {

    @Test
    void everyKeyExistsInDutchAndEnglish() {
        assertThat(MessageBundles.missingKeys("messages/platform")).isEmpty();
    }

    /** The answers of the report form read the same on every page, in both languages. */
    @Test
    void everyAnswerOfTheReportFormHasATextInBothLanguages() {
        for (String bundle : new String[]{"messages/platform.properties", "messages/platform_en.properties"}) {
            java.util.Properties texts = MessageBundles.load(bundle);
            java.util.stream.Stream.of(nl.veiligwerken.api.reporting.AggressionKind.values())
                    .forEach(k -> assertThat(texts).containsKey("incident.kind." + k));
            java.util.stream.Stream.of(nl.veiligwerken.api.reporting.Setting.values())
                    .forEach(s -> assertThat(texts).containsKey("incident.setting." + s));
            java.util.stream.Stream.of(nl.veiligwerken.api.reporting.Severity.values())
                    .forEach(s -> assertThat(texts).containsKey("incident.severity." + s));
            java.util.stream.Stream.of(nl.veiligwerken.api.protocol.ProtocolStep.values())
                    .forEach(s -> assertThat(texts).containsKey("task.step." + s));
            java.util.stream.Stream.of(nl.veiligwerken.api.reporting.Aggressor.values())
                    .forEach(s -> assertThat(texts).containsKey("incident.aggressor." + s));
            java.util.stream.Stream.of(nl.veiligwerken.api.reporting.Injury.values())
                    .forEach(s -> assertThat(texts).containsKey("incident.injury." + s));
            java.util.stream.Stream.of(nl.veiligwerken.api.aftercare.AftercareOutcome.values())
                    .forEach(s -> assertThat(texts).containsKey("aftercare.outcome." + s));
            java.util.stream.Stream.of(nl.veiligwerken.api.aftercare.Referral.values())
                    .forEach(s -> assertThat(texts).containsKey("aftercare.referral." + s));
            java.util.stream.Stream.of(nl.veiligwerken.api.followup.AggressorResponse.values())
                    .forEach(s -> assertThat(texts).containsKey("followup.response." + s));
            java.util.stream.Stream.of(nl.veiligwerken.api.followup.FollowUpKind.values())
                    .forEach(s -> assertThat(texts).containsKey("followup.kind." + s));
            java.util.stream.Stream.of(nl.veiligwerken.api.analysis.LearningLevel.values())
                    .forEach(s -> assertThat(texts).containsKey("analysis.level." + s));
            java.util.stream.Stream.of(nl.veiligwerken.api.analysis.Skill.values())
                    .forEach(s -> assertThat(texts).containsKey("analysis.skill." + s));
            java.util.stream.Stream.of(nl.veiligwerken.api.protocol.DueUnit.values())
                    .forEach(s -> assertThat(texts).containsKey("due.unit." + s));
        }
    }

    @Test
    void templatesShowOnlyTextFromTheBundles() {
        assertThat(MessageBundles.templateProblems(Path.of("src/main/resources/templates"), "messages/platform")).isEmpty();
    }

    @Test
    void theCheckFindsHardCodedTextAndUnknownKeys(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("bad.html"),
                "<p>Hallo</p><span th:text=\"#{no.such.key}\">x</span><img alt=\"foto\">");
        assertThat(MessageBundles.templateProblems(dir, "messages/platform"))
                .anyMatch(p -> p.contains("hard-coded text \"Hallo\""))
                .anyMatch(p -> p.contains("unknown message key no.such.key"))
                .anyMatch(p -> p.contains("hard-coded alt"));
    }
}
