package nl.veiligwerken.notifier.notifications;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One person's daily digest of non-urgent notifications, and the state of its mail. What it lists is found
 * through the notifications' {@code digest_id}; the mail is composed when it is sent.
 */
@Entity
@Table(name = "digest_mail")
class DigestMail implements OutboxMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipientUsername;
    private String recipientName;
    private String recipientEmail;
    private String language;
    private LocalDate digestDate;
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    private MailStatus mailStatus;

    private int mailAttempts;
    private Instant nextAttemptAt;
    private Instant mailSentAt;
    private String lastMailError;

    protected DigestMail() {
        // for JPA
    }

    DigestMail(String recipientUsername, String recipientName, String recipientEmail, String language,
               LocalDate digestDate, Instant now) {
        this.recipientUsername = recipientUsername;
        this.recipientName = recipientName;
        this.recipientEmail = recipientEmail;
        this.language = language;
        this.digestDate = digestDate;
        this.createdAt = now;
        this.mailStatus = MailStatus.PENDING;
        this.nextAttemptAt = now;
    }

    @Override
    public void leaseUntil(Instant until) {
        nextAttemptAt = until;
    }

    @Override
    public void mailSent(Instant now) {
        mailAttempts++;
        mailStatus = MailStatus.SENT;
        mailSentAt = now;
        lastMailError = null;
    }

    @Override
    public void mailFailed(Instant retryAt, String error) {
        mailAttempts++;
        nextAttemptAt = retryAt;
        lastMailError = shorten(error);
    }

    @Override
    public void mailUnsendable(String error) {
        mailAttempts++;
        mailStatus = MailStatus.FAILED;
        lastMailError = shorten(error);
    }

    private static String shorten(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    @Override
    public Long id() {
        return id;
    }

    @Override
    public MailStatus mailStatus() {
        return mailStatus;
    }

    @Override
    public int mailAttempts() {
        return mailAttempts;
    }

    String recipientUsername() {
        return recipientUsername;
    }

    String recipientName() {
        return recipientName;
    }

    String recipientEmail() {
        return recipientEmail;
    }

    String language() {
        return language;
    }

    LocalDate digestDate() {
        return digestDate;
    }
}
