package nl.veiligwerken.notifier.notifications;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
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

    @Embedded
    private MailDelivery mail;

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
        this.mail = MailDelivery.pending(now);
    }

    @Override
    public Long id() {
        return id;
    }

    @Override
    public MailDelivery mail() {
        return mail;
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
