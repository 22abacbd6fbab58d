package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.platform.OrganisationTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the non-urgent notifications of people who chose a daily digest into one digest mail each.
 *
 * <p>Exactly once: in one transaction the notifications are locked, a {@link DigestMail} row is created and the
 * notifications become DIGESTED, pointing at it; the {@link MailOutbox} then sends that row like any other mail
 * (lease, retry with backoff, FAILED). A person gets at most one digest per organisation day (a unique key), so
 * running the job twice, or on two instances at once, sends nothing twice; whatever comes after a day's digest
 * time waits for the next day's.
 */
@Component
class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private final NotificationRepository notifications;
    private final DigestMailRepository digests;
    private final DigestProperties settings;
    private final OrganisationTime time;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DailyDigest(NotificationRepository notifications, DigestMailRepository digests, DigestProperties settings,
                OrganisationTime time, PlatformTransactionManager transactions, Clock clock) {
        this.notifications = notifications;
        this.digests = digests;
        this.settings = settings;
        this.time = time;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The scheduled run; returns how many digests it created. */
    int run() {
        return digestAt(clock.instant());
    }

    /** Creates the digests that are due at {@code now}: one per person, for the last digest time before it. */
    int digestAt(Instant now) {
        ZonedDateTime cutoff = lastDigestTime(now);
        LocalDate day = cutoff.toLocalDate();
        Integer created = transaction.execute(status -> {
            Map<String, List<Notification>> byPerson = new LinkedHashMap<>();
            for (Notification n : notifications.lockDigestable(cutoff.toInstant(), now)) {
                byPerson.computeIfAbsent(n.recipientUsername(), k -> new ArrayList<>()).add(n);
            }
            int count = 0;
            for (Map.Entry<String, List<Notification>> person : byPerson.entrySet()) {
                if (digests.existsByRecipientUsernameAndDigestDate(person.getKey(), day)) {
                    continue; // today's digest went already; these wait for tomorrow's
                }
                List<Notification> items = person.getValue();
                Notification latest = items.get(items.size() - 1);
                DigestMail digest = digests.save(new DigestMail(person.getKey(), latest.recipientName(),
                        latest.recipientEmail(), latest.language(), day, now));
                notifications.markDigested(items.stream().map(Notification::id).toList(), digest.id());
                count++;
            }
            return count;
        });
        if (created != null && created > 0) {
            log.info("Created {} daily digest(s) for {}", created, day);
        }
        return created == null ? 0 : created;
    }

    /** The most recent digest time at or before {@code now}, on the organisation's wall clock. */
    ZonedDateTime lastDigestTime(Instant now) {
        ZonedDateTime local = now.atZone(time.zone());
        ZonedDateTime today = local.toLocalDate().atTime(settings.at()).atZone(time.zone());
        return today.isAfter(local) ? today.minusDays(1) : today;
    }
}
