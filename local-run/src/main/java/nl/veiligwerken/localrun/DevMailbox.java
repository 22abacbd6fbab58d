package nl.veiligwerken.localrun;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The dev mailbox: an SMTP server (GreenMail) that keeps every mail instead of delivering it. Each mail is
 * announced on the console (recipient and subject) and saved as an {@code .eml} file a mail program opens.
 */
public final class DevMailbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final GreenMail greenMail;
    private final Path mailDir;
    private final ScheduledExecutorService watcher;
    /**
     * The mails already shown, by Message-ID: GreenMail lists the received mails mailbox by mailbox, so a mail
     * for a new recipient can land anywhere in that list and a position says nothing.
     */
    private final Set<String> announced = new HashSet<>();

    private DevMailbox(GreenMail greenMail, Path mailDir) {
        this.greenMail = greenMail;
        this.mailDir = mailDir;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dev-mailbox-watcher");
            t.setDaemon(true);
            return t;
        });
    }

    public static DevMailbox start(int port, Path mailDir) throws IOException {
        Files.createDirectories(mailDir);
        // loopback only: the mailbox accepts anything from anyone, so it must not be reachable from the network
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        DevMailbox mailbox = new DevMailbox(greenMail, mailDir);
        // GreenMail has no "mail arrived" callback; polling its store is simple and cheap
        mailbox.watcher.scheduleWithFixedDelay(mailbox::announceNewMail, 1, 1, TimeUnit.SECONDS);
        log.info("Dev mailbox (SMTP) on 127.0.0.1:{}, mail saved in {}", port, mailDir);
        return mailbox;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public Path mailDir() {
        return mailDir;
    }

    /** Every mail received since start, oldest first. */
    public List<MimeMessage> receivedMessages() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    private synchronized void announceNewMail() {
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                String id = message.getMessageID() != null ? message.getMessageID()
                        : "identity-" + System.identityHashCode(message);
                if (!announced.add(id)) {
                    continue;
                }
                log.info("Mail to {}: \"{}\"", recipients(message), message.getSubject());
                Path file = mailDir.resolve(LocalDateTime.now().format(FILE_TIME) + "-" + announced.size() + ".eml");
                // written aside and then moved in, so whoever opens the folder never finds half a mail
                Path part = file.resolveSibling(file.getFileName() + ".part");
                try (OutputStream out = Files.newOutputStream(part)) {
                    message.writeTo(out);
                }
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (MessagingException | IOException | RuntimeException e) {
                // a mail we cannot show must not stop the watcher: it is counted as shown and the next one is tried
                log.warn("Could not show received mail #{}: {}", announced.size(), e.toString());
            }
        }
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        Address[] all = message.getAllRecipients();
        return all == null ? "(no recipients)"
                : Arrays.stream(all).map(Address::toString).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        greenMail.stop();
    }
}
