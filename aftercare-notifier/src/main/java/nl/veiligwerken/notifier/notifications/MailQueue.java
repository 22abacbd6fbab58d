package nl.veiligwerken.notifier.notifications;

import org.springframework.mail.SimpleMailMessage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One table of {@link OutboxMail} rows: how the {@link MailOutbox} claims, re-reads and writes their mails. */
interface MailQueue<T extends OutboxMail> {

    /** For the log: "notification", "digest". */
    String name();

    /** The due rows, locked {@code for update skip locked} for the caller's transaction. */
    List<T> claimDue(Instant now, int limit);

    /** One row, locked until the caller's transaction ends. */
    Optional<T> findLocked(long id);

    SimpleMailMessage compose(T mail);

    /** What the log may say about a row: ids and kinds, never content. */
    default String describe(T mail) {
        return name() + " " + mail.id();
    }
}
