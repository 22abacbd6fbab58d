package nl.veiligwerken.notifier;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) for a test class, on a port chosen before the application starts. */
public final class TestMailServer {

    private TestMailServer() {
    }

    /** Accepts mail without authentication, and lives as long as the test class (not per test method). */
    public static GreenMailExtension smtpOn(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }
}
