package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.NotifierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends the mails of pending notifications and daily digests (each a {@link MailQueue}: notifications first, so
 * an urgent one never waits behind digests). Runs on a schedule rather than in the Kafka listener, so an SMTP
 * outage neither blocks the event stream nor loses a mail: a failed attempt only moves the next one further out.
 *
 * <p>Every mail goes through three steps, each in its own short transaction or none, so that what the SMTP
 * server has accepted is never undone by something that goes wrong with another mail:
 * <ol>
 *   <li><b>Claim</b> (transaction): the next due row is selected {@code for update skip locked}, so two senders
 *       never pick the same row, and its {@code next_attempt_at} is moved one lease into the future before the
 *       transaction commits. The lease, not a lock, keeps other senders away while this one talks to the SMTP
 *       server, so no database transaction or row lock is held open during the network call.</li>
 *   <li><b>Compose and send</b> (no transaction).</li>
 *   <li><b>Record</b> (transaction): SENT right after the server accepted the mail; FAILED when the mail cannot
 *       be composed or built (a missing text or a malformed address fails the same way every time, so retrying
 *       would only repeat it); or a later {@code next_attempt_at} when the SMTP server failed. In that last case
 *       the run stops: the server is most likely down, and the rows not yet claimed wait untouched.</li>
 * </ol>
 * Rows are claimed one at a time, so a lease only has to cover one SMTP conversation, not a whole batch. If
 * this instance dies after a claim, the row becomes due again when its lease runs out and another run sends
 * it. Delivery is therefore at least once, not exactly once: a mail is sent twice if the SMTP server accepted it
 * and SENT could not be recorded (the database failed, or the instance died in between), or if one SMTP
 * conversation outlasted the lease. It is never sent zero times, short of becoming FAILED.
 */
@Component
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final List<MailQueue<?>> queues;
    private final JavaMailSender sender;
    private final NotifierProperties.Mail settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailOutbox(NotificationRepository repository, NotificationMail mails, DigestMailRepository digests,
               DigestMailText digestTexts, JavaMailSender sender, NotifierProperties properties,
               PlatformTransactionManager transactions, Clock clock) {
        this.queues = List.of(new NotificationQueue(repository, mails), new DigestQueue(digests, digestTexts));
        this.sender = sender;
        this.settings = properties.mail();
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Sends what is due, at most a batch; returns how many mails the SMTP server accepted. */
    public int sendDue() {
        Run run = new Run();
        for (MailQueue<?> queue : queues) {
            drain(queue, run);
            if (run.serverDown || run.handled >= settings.batchSize()) {
                break;
            }
        }
        return run.accepted;
    }

    /** How far one run has come, across the queues. */
    private static final class Run {
        int handled;
        int accepted;
        boolean serverDown;
    }

    private <T extends OutboxMail> void drain(MailQueue<T> queue, Run run) {
        for (; run.handled < settings.batchSize(); run.handled++) {
            T n = claimNext(queue);
            if (n == null) {
                break;
            }
            SimpleMailMessage mail;
            try {
                mail = queue.compose(n);
            } catch (RuntimeException e) {
                // e.g. NoSuchMessageException for a protocol step without a text: the same every time.
                // Logged by id and kind only; the mail's content holds no incident details by design.
                log.error("Mail for {} cannot be composed; marked FAILED", queue.describe(n), e);
                record(queue, n.id(), pending -> pending.mailUnsendable(reason(e)));
                continue;
            }
            try {
                sender.send(mail);
            } catch (MailParseException | MailPreparationException e) {
                log.error("Mail for {} cannot be built; marked FAILED", queue.describe(n), e);
                record(queue, n.id(), pending -> pending.mailUnsendable(reason(e)));
                continue;
            } catch (RuntimeException e) {
                // a MailException, or something unexpected from the sender: whether the server accepted the
                // mail is unknown, so it is tried again later rather than given up (never zero times)
                Instant retryAt = clock.instant().plus(backoff(n.mailAttempts() + 1));
                if (e instanceof MailException) {
                    log.warn("Mail for {} not sent (attempt {}), next attempt at {}: {}",
                            queue.describe(n), n.mailAttempts() + 1, retryAt, e.getMessage());
                } else {
                    log.error("Mail for {} not sent (attempt {}), next attempt at {}",
                            queue.describe(n), n.mailAttempts() + 1, retryAt, e);
                }
                record(queue, n.id(), pending -> pending.mailFailed(retryAt, reason(e)));
                // the server is most likely down: the rest waits for the next run, unclaimed and unchanged
                run.serverDown = true;
                break;
            }
            try {
                record(queue, n.id(), pending -> pending.mailSent(clock.instant()));
            } catch (RuntimeException e) {
                log.error("Mail for {} was accepted by the SMTP server but could not be marked SENT;"
                        + " it will be sent again once its lease ends", queue.describe(n));
                throw e;
            }
            run.accepted++;
        }
    }

    /**
     * Takes the next due row out of other senders' reach for one lease, in a transaction of its own, and returns
     * it detached; {@code null} when nothing is due.
     */
    private <T extends OutboxMail> T claimNext(MailQueue<T> queue) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            List<T> due = queue.claimDue(now, 1);
            if (due.isEmpty()) {
                return null;
            }
            T n = due.get(0);
            n.leaseUntil(now.plus(settings.lease()));
            return n;
        });
    }

    /**
     * Writes one mail's outcome in a transaction of its own, on a freshly read and locked row, so it neither
     * depends on nor is undone by what happens to any other mail.
     */
    private <T extends OutboxMail> void record(MailQueue<T> queue, long id, Consumer<T> outcome) {
        transaction.executeWithoutResult(status -> queue.findLocked(id)
                .filter(n -> n.mailStatus() == MailStatus.PENDING)
                .ifPresentOrElse(outcome, () -> log.warn("{} {} was finished by another sender after this one's"
                        + " lease ran out (or went into a digest meanwhile); its mail may have been sent twice",
                        queue.name(), id)));
    }

    private static String reason(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Doubles with every failed attempt, up to the configured maximum. */
    Duration backoff(int failedAttempts) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < failedAttempts && wait.compareTo(settings.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }

    /** A notification's own mail. */
    private record NotificationQueue(NotificationRepository repository, NotificationMail mails)
            implements MailQueue<Notification> {

        @Override
        public String name() {
            return "notification";
        }

        @Override
        public List<Notification> claimDue(Instant now, int limit) {
            return repository.claimDueMails(now, limit);
        }

        @Override
        public Optional<Notification> findLocked(long id) {
            return repository.findLockedById(id);
        }

        @Override
        public SimpleMailMessage compose(Notification n) {
            return mails.compose(n);
        }

        @Override
        public String describe(Notification n) {
            return "notification " + n.id() + " (" + n.kind() + ", step " + n.step() + ")";
        }
    }

    /** A daily digest: composed from the notifications it took over. */
    private record DigestQueue(DigestMailRepository repository, DigestMailText texts) implements MailQueue<DigestMail> {

        @Override
        public String name() {
            return "digest";
        }

        @Override
        public List<DigestMail> claimDue(Instant now, int limit) {
            return repository.claimDueMails(now, limit);
        }

        @Override
        public Optional<DigestMail> findLocked(long id) {
            return repository.findLockedById(id);
        }

        @Override
        public SimpleMailMessage compose(DigestMail digest) {
            return texts.compose(digest);
        }
    }
}
