package nl.veiligwerken.notifier.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.notifier.recipients.Recipients;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;

/**
 * One message to one person, and the state of its mail. Holds what the mail and the page need and nothing of
 * what happened in the incident: the ids only lead to a page behind sign-in, where access is checked again.
 */
@Entity
@Table(name = "notification")
// Updates write only the columns that changed. The recipient marking a notification read and the outbox
// recording a mail touch different columns of the same row; writing every column would let the one that commits
// last put back the other's stale values, e.g. turn a SENT mail back into PENDING so that it is sent again.
@DynamicUpdate
class Notification implements OutboxMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String sourceEventId;

    @Enumerated(EnumType.STRING)
    private NotificationKind kind;

    private String recipientUsername;
    private String recipientName;
    private String recipientEmail;
    private String language;
    private String teamId;
    private String teamName;
    private String incidentId;
    private String taskId;

    @Enumerated(EnumType.STRING)
    private ProtocolStep step;

    private Instant dueAt;
    private Instant createdAt;

    /** Goes out at once, never in a digest. */
    private boolean urgent;

    @Enumerated(EnumType.STRING)
    private LinkTarget link;

    /** A check-in reminder's colleague, by display name. */
    private String colleagueName;

    /** A check-in reminder's signal from the earlier talk. */
    @Enumerated(EnumType.STRING)
    private AftercareSignal aftercareSignal;

    /** For a new incident: how many of the report's tasks this notification also stands for. */
    private int taskCount;

    @Column(name = "is_read")
    private boolean read;

    @Embedded
    private MailDelivery mail;

    protected Notification() {
        // for JPA
    }

    /**
     * A notification of {@code kind} for {@code recipient}, its mail pending from {@code now}; the {@code about…}
     * methods fill in what it is about. The recipient's name, address and language are copied, so a later change
     * in the directory does not re-address it.
     */
    static Notification of(NotificationKind kind, String sourceEventId, Recipients.Recipient recipient, LinkTarget link,
                           Instant now) {
        Notification n = new Notification();
        n.sourceEventId = sourceEventId;
        n.kind = kind;
        n.recipientUsername = recipient.username();
        n.recipientName = recipient.displayName();
        n.recipientEmail = recipient.email();
        n.language = recipient.language();
        n.link = link;
        n.createdAt = now;
        n.mail = MailDelivery.pending(now);
        return n;
    }

    static Notification taskScheduled(String sourceEventId, Recipients.Recipient recipient, String teamId,
                                      String teamName,
                                      String incidentId, String taskId, ProtocolStep step, Instant dueAt,
                                      Instant now) {
        return of(NotificationKind.TASK_SCHEDULED, sourceEventId, recipient, LinkTarget.TASK_LIST, now)
                .aboutTeam(teamId, teamName).aboutIncident(incidentId).aboutTask(taskId, step, dueAt);
    }

    /** {@code teamId} may be null: feedback on a report can come without its team. */
    Notification aboutTeam(String teamId, String teamName) {
        this.teamId = teamId;
        this.teamName = teamName;
        return this;
    }

    Notification aboutIncident(String incidentId) {
        this.incidentId = incidentId;
        return this;
    }

    Notification aboutTask(String taskId, ProtocolStep step, Instant dueAt) {
        this.taskId = taskId;
        this.step = step;
        this.dueAt = dueAt;
        return this;
    }

    Notification aboutCheckIn(String colleagueName, AftercareSignal signal) {
        this.colleagueName = colleagueName;
        this.aftercareSignal = signal;
        return this;
    }

    Notification urgent(boolean urgent) {
        this.urgent = urgent;
        return this;
    }


    void markRead() {
        read = true;
    }

    @Override
    public Long id() {
        return id;
    }

    @Override
    public MailDelivery mail() {
        return mail;
    }

    String sourceEventId() {
        return sourceEventId;
    }

    NotificationKind kind() {
        return kind;
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

    String teamId() {
        return teamId;
    }

    String teamName() {
        return teamName;
    }

    String incidentId() {
        return incidentId;
    }

    String taskId() {
        return taskId;
    }

    ProtocolStep step() {
        return step;
    }

    Instant dueAt() {
        return dueAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    boolean urgent() {
        return urgent;
    }

    boolean read() {
        return read;
    }

    LinkTarget link() {
        return link;
    }

    String colleagueName() {
        return colleagueName;
    }

    AftercareSignal aftercareSignal() {
        return aftercareSignal;
    }

    int taskCount() {
        return taskCount;
    }

    Instant nextAttemptAt() {
        return mail.nextAttemptAt();
    }

    Instant mailSentAt() {
        return mail.sentAt();
    }
}
