package nl.veiligwerken.localrun;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DevMailboxTest {

    @TempDir
    Path mailDir;

    @Test
    void everyMailIsSavedOnceWhateverMailboxItLandsIn() throws Exception {
        int port = freePort();
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        try (DevMailbox mailbox = DevMailbox.start(port, mailDir)) {
            GreenMailUtil.sendTextEmail("sanne@test.local", "noreply@test.local", "one for sanne", "1", smtp);
            GreenMailUtil.sendTextEmail("sanne@test.local", "noreply@test.local", "two for sanne", "2", smtp);
            await().atMost(Duration.ofSeconds(10)).until(() -> saved().size() == 2);
            // mails for people the mailbox has not seen yet: GreenMail lists them in another order
            for (String person : List.of("mark", "bram", "pim", "fatima", "peter")) {
                GreenMailUtil.sendTextEmail(person + "@test.local", "noreply@test.local", "for " + person, "x", smtp);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> saved().size() >= 7);
            // and a second mail into every mailbox: whichever comes first in GreenMail's list gets one in the middle
            for (String person : List.of("sanne", "mark", "bram", "pim", "fatima", "peter")) {
                GreenMailUtil.sendTextEmail(person + "@test.local", "noreply@test.local", "again for " + person, "y", smtp);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> saved().size() >= 13);
            Thread.sleep(1500); // one more look of the watcher: nothing may be saved twice

            assertThat(saved()).hasSize(13).containsExactlyInAnyOrder("one for sanne", "two for sanne", "for mark",
                    "for bram", "for pim", "for fatima", "for peter", "again for sanne", "again for mark",
                    "again for bram", "again for pim", "again for fatima", "again for peter");
        }
    }

    private List<String> saved() throws IOException {
        try (Stream<Path> files = Files.list(mailDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml")).map(file -> {
                try {
                    return Files.readAllLines(file).stream().filter(line -> line.startsWith("Subject: "))
                            .findFirst().orElseThrow().substring("Subject: ".length());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
