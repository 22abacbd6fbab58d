package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.aftercare.AftercareTalkNotice;
import nl.veiligwerken.api.feedback.FeedbackGivenNotice;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.IncidentReportedNotice;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import jakarta.persistence.EntityManager;
import nl.veiligwerken.notifier.recipients.Recipients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of who hears what, and when. Each event's effects (its notifications and what the notifier
 * remembers of the incident) are written in one transaction with the event's processed marker, so a redelivered
 * record (same {@code ce_id}) finds the marker and changes nothing. A reminder has a marker of its own,
 * {@code reminder:<taskId>:<lead>}, so it too is sent once however often or on however many instances the
 * reminder job runs.
 *
 * <ul>
 *   <li>A new report: the team's leaders ({@link NotificationKind#NEW_INCIDENT}, urgent from
 *       {@link Severity#SERIOUS}). The tasks the report brings for those same leaders are folded into it (its
 *       {@code taskCount}) instead of each mailing on its own; the Labour Inspectorate duty is the exception:
 *       it always gets its own urgent notification.</li>
 *   <li>A task: its owner, the named assignee or whoever holds the task's role in the team. Reminders before the
 *       due time (see {@link DueSoonReminders}); overdue: the owner, and whoever the agreements escalate to
 *       ({@code escalateTo}; when that is not set, the team's leaders for a follow-up action and nobody extra
 *       for a protocol step), never twice to one person.</li>
 *   <li>A peer supporter assigned: that person, at once. Feedback given: the reporter.</li>
 * </ul>
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    static final String REMINDER_TYPE = "reminder";

    private static final Set<ProtocolStep> CHECK_INS = Set.of(ProtocolStep.FIRST_CHECK_IN, ProtocolStep.SECOND_CHECK_IN);

    /** Someone to tell, and where their link leads. */
    private record Addressee(Recipients.Recipient person, LinkTarget link) {
    }

    private final NotificationRepository repository;
    private final IncidentFacts facts;
    private final Recipients recipients;
    private final Clock clock;
    private final EntityManager entityManager;
    // the statements every record runs (marker, folding) go straight to JDBC, in the same transaction: through
    // Spring Data and Hibernate's native queries each cost several times their own work in parsing and flushing
    private final JdbcClient jdbc;

    Notifications(NotificationRepository repository, IncidentFacts facts, Recipients recipients, Clock clock,
                  EntityManager entityManager, JdbcClient jdbc) {
        this.repository = repository;
        this.facts = facts;
        this.recipients = recipients;
        this.clock = clock;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    /** The team's leaders hear of a new report; returns how many notifications were created (0 for a redelivery). */
    @Transactional
    public int incidentReported(String eventId, String eventType, IncidentReportedNotice event) {
        Instant now = clock.instant();
        if (!firstTime(eventId, eventType, now)) {
            return 0;
        }
        TeamId team = event.teamId();
        facts.reported(event.incidentId().value(), team.value(), event.reportedAt());
        List<Addressee> leaders = recipients.leadersOf(team).stream()
                .map(r -> new Addressee(r, LinkTarget.INCIDENT)).toList();
        if (leaders.isEmpty()) {
            log.warn("Incident {} of team {} reported, but the team has no team leader to tell", event.incidentId(), team);
        }
        String teamName = recipients.teamName(team);
        boolean urgent = event.severity().isAtLeast(Severity.SERIOUS);
        return save(leaders, a -> Notification.of(NotificationKind.NEW_INCIDENT, eventId, a.person(), a.link(), now)
                .aboutTeam(team.value(), teamName).aboutIncident(event.incidentId().value()).urgent(urgent));
    }

    /** The assigned peer supporter hears at once. */
    @Transactional
    public int peerSupporterAssigned(String eventId, String eventType, PeerSupporterAssignedEvent event) {
        Instant now = clock.instant();
        if (!firstTime(eventId, eventType, now)) {
            return 0;
        }
        Optional<Recipients.Recipient> supporter = recipients.person(event.peerSupporter());
        if (supporter.isEmpty()) {
            log.warn("Peer supporter {} of incident {} is not an enabled person; nobody told",
                    event.peerSupporter(), event.incidentId());
            return 0;
        }
        Instant due = facts.openTaskOf(event.incidentId().value(), ProtocolStep.FIRST_SUPPORT)
                .map(IncidentFacts.Task::dueAt).orElse(null);
        String teamName = recipients.teamName(event.teamId());
        return save(List.of(new Addressee(supporter.get(), LinkTarget.STEP_FORM)),
                a -> Notification.of(NotificationKind.PEER_SUPPORT_ASSIGNED, eventId, a.person(), a.link(), now)
                        .aboutTeam(event.teamId().value(), teamName).aboutIncident(event.incidentId().value())
                        .aboutTask(null, ProtocolStep.FIRST_SUPPORT, due).urgent(true));
    }

    /**
     * Tells the task's owner, except for a task the report itself brought when that owner already has the
     * report's {@link NotificationKind#NEW_INCIDENT}: that notification then counts the task instead.
     */
    @Transactional
    public int taskScheduled(String eventId, String eventType, TaskScheduledEvent event) {
        Instant now = clock.instant();
        if (!firstTime(eventId, eventType, now)) {
            return 0;
        }
        facts.scheduled(event);
        TeamId team = event.teamId();
        String incident = event.incidentId().value();
        List<Addressee> owners = owners(event.assigneeRole(), event.assignee(), team);
        if (owners.isEmpty()) {
            log.warn("Task {} of team {} scheduled, but nobody holds it to tell", event.taskId(), team);
        }
        boolean urgent = event.step() == ProtocolStep.LABOUR_INSPECTORATE;
        boolean reportsOwn = !urgent && event.scheduledAt() != null && facts.reportedAt(incident)
                .filter(reported -> reported.equals(event.scheduledAt().truncatedTo(ChronoUnit.MICROS)))
                .isPresent();
        String teamName = recipients.teamName(team);
        Set<String> folded = reportsOwn ? foldIntoNewIncident(incident, owners) : Set.of();
        List<Addressee> toTell = owners.stream().filter(o -> !folded.contains(o.person().username())).toList();
        return save(toTell, a -> Notification.of(NotificationKind.TASK_SCHEDULED, eventId, a.person(), a.link(), now)
                .aboutTeam(team.value(), teamName).aboutIncident(incident)
                .aboutTask(event.taskId().value(), event.step(), event.dueAt()).urgent(urgent));
    }

    /** A done task gets no more reminders. */
    @Transactional
    public boolean taskCompleted(String eventId, String eventType, TaskCompletedEvent event) {
        if (!firstTime(eventId, eventType, clock.instant())) {
            return false;
        }
        facts.completed(event.taskId().value(), event.completedAt());
        return true;
    }

    /** A withdrawn task gets no more reminders. */
    @Transactional
    public boolean taskWithdrawn(String eventId, String eventType, TaskWithdrawnEvent event) {
        if (!firstTime(eventId, eventType, clock.instant())) {
            return false;
        }
        facts.withdrawn(event.taskId().value(), event.withdrawnAt());
        return true;
    }

    /**
     * The owner hears that their task is overdue, and whoever the agreements escalate to hears that it was not
     * done; a person who is both hears it once, as owner. Events from before the owner travelled with them fall
     * back on what the task's scheduling said, and on the team's leaders when nothing is known.
     */
    @Transactional
    public int taskOverdue(String eventId, String eventType, TaskOverdueEvent event) {
        Instant now = clock.instant();
        if (!firstTime(eventId, eventType, now)) {
            return 0;
        }
        String taskId = event.taskId().value();
        facts.overdue(taskId);
        TeamId team = event.teamId();
        Role role = event.assigneeRole();
        String assignee = event.assignee();
        if (role == null && assignee == null) {
            Optional<IncidentFacts.Task> known = facts.task(taskId);
            role = known.map(IncidentFacts.Task::assigneeRole).orElse(Role.TEAM_LEADER);
            assignee = known.map(IncidentFacts.Task::assignee).orElse(null);
        }
        Map<String, Addressee> owners = byUsername(owners(role, assignee, team));
        Map<String, Addressee> escalation = byUsername(escalation(event.escalateTo(), event.step(), team));
        owners.keySet().forEach(escalation::remove);
        boolean urgent = event.step() == ProtocolStep.LABOUR_INSPECTORATE;
        String teamName = recipients.teamName(team);
        String incident = event.incidentId().value();
        int created = save(List.copyOf(owners.values()),
                a -> Notification.of(NotificationKind.TASK_OVERDUE, eventId, a.person(), a.link(), now)
                        .aboutTeam(team.value(), teamName).aboutIncident(incident)
                        .aboutTask(taskId, event.step(), event.dueAt()).urgent(urgent));
        created += save(List.copyOf(escalation.values()),
                a -> Notification.of(NotificationKind.TASK_ESCALATED, eventId, a.person(), a.link(), now)
                        .aboutTeam(team.value(), teamName).aboutIncident(incident)
                        .aboutTask(taskId, event.step(), event.dueAt()).urgent(urgent));
        return created;
    }

    private List<Addressee> escalation(Role escalateTo, ProtocolStep step, TeamId team) {
        if (escalateTo != null) {
            return holders(escalateTo, team);
        }
        // no agreement says whom: an action's owner is often not a leader, so the team's leaders follow it up
        return step == ProtocolStep.FOLLOW_UP_ACTION ? holders(Role.TEAM_LEADER, team) : List.of();
    }

    /** The reporter hears that there is feedback, and reads it on their own reports. */
    @Transactional
    public int feedbackGiven(String eventId, String eventType, FeedbackGivenNotice event) {
        Instant now = clock.instant();
        if (!firstTime(eventId, eventType, now)) {
            return 0;
        }
        Optional<Recipients.Recipient> reporter = recipients.person(event.reporter());
        if (reporter.isEmpty()) {
            log.info("Reporter {} of incident {} is not an enabled person; feedback not announced",
                    event.reporter(), event.incidentId());
            return 0;
        }
        String teamId = event.teamId() == null ? null : event.teamId().value();
        String teamName = event.teamId() == null ? null : recipients.teamName(event.teamId());
        return save(List.of(new Addressee(reporter.get(), LinkTarget.MY_REPORTS)),
                a -> Notification.of(NotificationKind.FEEDBACK_GIVEN, eventId, a.person(), a.link(), now)
                        .aboutTeam(teamId, teamName).aboutIncident(event.incidentId().value()));
    }

    /** Tells nobody now: remembered for the reminders of the check-ins that follow the talk. */
    @Transactional
    public boolean aftercareTalkRecorded(String eventId, String eventType, AftercareTalkNotice event) {
        if (!firstTime(eventId, eventType, clock.instant())) {
            return false;
        }
        facts.talk(event);
        return true;
    }

    /**
     * The incident's personal data was erased after the retention term: the notifier forgets the incident. Its
     * notifications go (read or not; a mail still waiting is not sent, a digest left with nothing to list is
     * dropped), and so does what the rules remembered of it (tasks and their owners, the colleague of its latest
     * talk). The processed markers stay: event ids only, so a redelivered older event still changes nothing.
     *
     * @return how many notifications were removed (0 for a redelivery)
     */
    @Transactional
    public int personalDataErased(String eventId, String eventType, PersonalDataErasedEvent event) {
        if (!firstTime(eventId, eventType, clock.instant())) {
            return 0;
        }
        String incident = event.incidentId().value();
        int removed = repository.deleteByIncident(incident);
        repository.deleteEmptyPendingDigests();
        facts.forget(incident);
        log.info("Incident {} erased after the retention term: {} notification(s) removed", incident, removed);
        return removed;
    }

    /** A person's notifications, newest first, for an export of their data: the same as they see themselves. */
    @Transactional(readOnly = true)
    public List<NotificationView> exportOf(String username) {
        return of(username);
    }

    /**
     * Reminds the owners of an open task that it is due within {@code lead}: a {@link NotificationKind#CHECK_IN_DUE}
     * for a check-in whose earlier talk is known, a {@link NotificationKind#TASK_DUE_SOON} otherwise. Once per task
     * and lead; nothing when the task was done, withdrawn or became overdue in the meantime.
     *
     * @return how many notifications were created
     */
    @Transactional
    public int remind(String taskId, Duration lead) {
        if (!facts.stillOpen(taskId)) {
            return 0;
        }
        IncidentFacts.Task task = facts.task(taskId).orElseThrow();
        Instant now = clock.instant();
        String key = "reminder:" + taskId + ":" + lead;
        if (!firstTime(key, REMINDER_TYPE, now)) {
            return 0;
        }
        TeamId team = new TeamId(task.teamId());
        Optional<IncidentFacts.Talk> talk = CHECK_INS.contains(task.step())
                ? facts.latestTalk(task.incidentId()) : Optional.empty();
        NotificationKind kind = talk.isPresent() ? NotificationKind.CHECK_IN_DUE : NotificationKind.TASK_DUE_SOON;
        String colleague = talk.map(t -> recipients.person(t.colleague())
                .map(Recipients.Recipient::displayName).orElse(t.colleague())).orElse(null);
        String teamName = recipients.teamName(team);
        boolean urgent = task.step() == ProtocolStep.LABOUR_INSPECTORATE;
        List<Addressee> owners = owners(task.assigneeRole(), task.assignee(), team);
        return save(owners, a -> Notification.of(kind, key, a.person(), a.link(), now)
                .aboutTeam(task.teamId(), teamName).aboutIncident(task.incidentId())
                .aboutTask(taskId, task.step(), task.dueAt()).urgent(urgent)
                .aboutCheckIn(colleague, talk.map(IncidentFacts.Talk::signal).orElse(null)));
    }

    /** The named assignee when there is one, else whoever holds the role in the team. */
    private List<Addressee> owners(Role role, String assignee, TeamId team) {
        if (assignee != null && !assignee.isBlank()) {
            return recipients.person(assignee).map(p -> List.of(new Addressee(p, LinkTarget.STEP_FORM)))
                    .orElseGet(List::of);
        }
        return role == null ? List.of() : holders(role, team);
    }

    /** Holders of a role, each with a link to a page that role may open. */
    private List<Addressee> holders(Role role, TeamId team) {
        LinkTarget link = switch (role) {
            case TEAM_LEADER -> LinkTarget.TASK_LIST;
            case PREVENTION_OFFICER -> LinkTarget.INCIDENT;
            // management sees aggregated figures only, never an incident
            case MANAGEMENT -> LinkTarget.COMPLIANCE;
            default -> LinkTarget.STEP_FORM;
        };
        return recipients.holdersOf(role, team).stream().map(r -> new Addressee(r, link)).toList();
    }

    private static Map<String, Addressee> byUsername(List<Addressee> addressees) {
        Map<String, Addressee> unique = new LinkedHashMap<>();
        addressees.forEach(a -> unique.putIfAbsent(a.person().username(), a));
        return unique;
    }

    private int save(List<Addressee> addressees, Function<Addressee, Notification> notification) {
        int created = 0;
        for (Addressee a : byUsername(addressees).values()) {
            // inserted at once (identity column) and not changed through JPA in this transaction again: detached,
            // so a transaction over a batch of records does not dirty-check every earlier one before each query
            entityManager.detach(repository.save(notification.apply(a)));
            created++;
        }
        return created;
    }


    /**
     * Counts one more of the report's tasks in each owner's new-incident notification of the incident.
     *
     * @return the owners who had one (the others have none to fold into)
     */
    private Set<String> foldIntoNewIncident(String incident, List<Addressee> owners) {
        if (owners.isEmpty()) {
            return Set.of();
        }
        String[] usernames = owners.stream().map(o -> o.person().username()).distinct().toArray(String[]::new);
        return Set.copyOf(jdbc.sql("""
                        update notification set task_count = task_count + 1
                         where kind = 'NEW_INCIDENT' and incident_id = ? and recipient_username = any(?)
                        returning recipient_username""")
                .params(incident, usernames).query(String.class).list());
    }

    /** Marks the event (or reminder) handled: true the first time its id is seen, false for a redelivery. */
    private boolean firstTime(String eventId, String eventType, Instant now) {
        int inserted = jdbc.sql("""
                        insert into processed_event (event_id, event_type, processed_at) values (?, ?, ?)
                        on conflict (event_id) do nothing""")
                .params(eventId, eventType, now.atOffset(ZoneOffset.UTC)).update();
        if (inserted == 0) {
            log.debug("Event {} was handled before; redelivery ignored", eventId);
            return false;
        }
        return true;
    }

    /** A person's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<NotificationView> of(String username) {
        return repository.findByRecipientUsernameOrderByCreatedAtDescIdDesc(username).stream()
                .map(NotificationView::of)
                .toList();
    }

    /** @return false when the person has no notification with this id */
    @Transactional
    public boolean markRead(long id, String username) {
        return repository.findByIdAndRecipientUsername(id, username).map(n -> {
            n.markRead();
            return true;
        }).orElse(false);
    }
}
