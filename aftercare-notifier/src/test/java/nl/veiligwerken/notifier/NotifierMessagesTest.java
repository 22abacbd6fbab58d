package nl.veiligwerken.notifier;

import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.notifier.notifications.AftercareSignal;
import nl.veiligwerken.notifier.notifications.LinkTarget;
import nl.veiligwerken.notifier.notifications.MailStatus;
import nl.veiligwerken.notifier.notifications.NotificationKind;
import nl.veiligwerken.platform.test.MessageBundles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class NotifierMessagesTest {

    @Test
    void everyKeyExistsInDutchAndEnglish() {
        assertThat(MessageBundles.missingKeys("messages/notifier")).isEmpty();
    }

    @Test
    void templatesShowOnlyTextFromTheBundles() {
        assertThat(MessageBundles.templateProblems(Path.of("src/main/resources/templates"),
                "messages/platform", "messages/notifier")).isEmpty();
    }

    /**
     * The mail and the page build these keys from enum values, which the template check cannot see. A step
     * without a text cannot be mailed at all (its notification ends up FAILED), so a new {@link ProtocolStep} in
     * the contract must come with its texts here.
     */
    @Test
    void everyEnumValueInAMailOrOnThePageHasATextInDutchAndEnglish() {
        List<String> keys = new ArrayList<>();
        for (ProtocolStep step : ProtocolStep.values()) {
            keys.add("notifications.step." + step);
        }
        for (NotificationKind kind : NotificationKind.values()) {
            keys.add("notifications.item." + kind);
            keys.add("notifications.mail.subject." + kind);
            keys.add("notifications.mail.body." + kind);
        }
        for (AftercareSignal signal : AftercareSignal.values()) {
            keys.add("notifications.signal." + signal);
        }
        for (LinkTarget link : LinkTarget.values()) {
            keys.add("notifications.link." + link);
        }
        keys.add("notifications.mail.subject.urgent");
        for (MailStatus status : MailStatus.values()) {
            keys.add("notifications.mailStatus." + status);
        }
        Properties dutch = MessageBundles.load("messages/notifier.properties");
        Properties english = MessageBundles.load("messages/notifier_en.properties");
        assertThat(keys).allSatisfy(key -> {
            assertThat(dutch).as("Dutch").containsKey(key);
            assertThat(english).as("English").containsKey(key);
        });
    }
}
