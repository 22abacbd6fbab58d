package nl.veiligwerken.command.demo;

import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.command.incident.ErasureDeadline;
import nl.veiligwerken.command.incident.TaskDeadlines;
import nl.veiligwerken.command.protocol.DueTimes;
import nl.veiligwerken.command.protocol.ProtocolBook;
import nl.veiligwerken.demo.HistoryGenerator;
import nl.veiligwerken.demo.RecentIncidents;
import nl.veiligwerken.platform.PlatformProperties;
import nl.veiligwerken.platform.security.DemoAccounts;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;

/**
 * For the demo only, on a new installation. First a year of incidents of the demo teams, as if the organisation
 * had worked with the system for four quarters, so the task inbox, the timelines, the compliance figures and the
 * quarterly review have something to show. Those events carry {@link #METADATA_KEY}: they are history, not news,
 * so they are not published to Kafka and nobody is mailed about them. Then a handful of recent incidents
 * ({@link RecentIncidents}) without that mark: they are published like any report, so the notifier has news
 * to tell within minutes (a serious report, reminders, a task falling overdue, feedback).
 *
 * <p>Every task still open gets what the aggregate would have given it: a deadline when its due time is still
 * ahead, and its overdue event when that time has passed (history only; recent tasks are all still ahead).
 */
@Component
@Profile("demo")
public class DemoHistory {

    /** Marks a generated event; the Kafka publisher leaves such events alone. */
    public static final String METADATA_KEY = "demoHistory";

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final long SEED = 20261201L;

    private final EventStore events;
    private final DeadlineManager deadlines;
    private final DueTimes dueTimes;
    private final ProtocolBook protocol;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlatformProperties platform;
    private final int incidents;
    private final boolean recent;

    DemoHistory(EventStore events, DeadlineManager deadlines, DueTimes dueTimes, ProtocolBook protocol, JdbcClient jdbc,
                Clock clock,
                PlatformProperties platform,
                @Value("${veilig-werken.demo.history-incidents:0}") int incidents,
                @Value("${veilig-werken.demo.recent-incidents:false}") boolean recent) {
        this.events = events;
        this.deadlines = deadlines;
        this.dueTimes = dueTimes;
        this.protocol = protocol;
        this.jdbc = jdbc;
        this.clock = clock;
        this.platform = platform;
        this.incidents = incidents;
        this.recent = recent;
    }

    @EventListener(ApplicationReadyEvent.class)
    void generateOnce() {
        if ((incidents <= 0 && !recent)
                || jdbc.sql("select exists (select 1 from command.incident_lookup)").query(Boolean.class).single()) {
            return;
        }
        Instant now = clock.instant();
        List<TaskScheduledEvent> ahead = new ArrayList<>();
        List<IncidentClosedEvent> closings = new ArrayList<>();
        if (incidents > 0) {
            Duration year = Duration.ofDays(365);
            // reports up to a week ago: what is still open is what a team would still be working on
            HistoryGenerator generator = new HistoryGenerator(SEED, teams(), "pim", now.minus(year), year.minusDays(7));
            int appended = 0;
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int i = 0; i < incidents; i++) {
                HistoryGenerator.Incident incident = generator.incident();
                batch.addAll(messages(incident, settled(incident, now, ahead, closings), MetaData.with(METADATA_KEY, true)));
                if (batch.size() >= 500 || i == incidents - 1) {
                    events.publish(batch);
                    appended += batch.size();
                    batch = new ArrayList<>();
                }
            }
            log.info("Demo: generated a year of history, {} incidents in {} events", incidents, appended);
        }
        if (recent) {
            List<HistoryGenerator.Incident> news = new RecentIncidents(now, cast(), platform.zone()).incidents();
            for (HistoryGenerator.Incident incident : news) {
                events.publish(messages(incident, settled(incident, now, ahead, closings), MetaData.emptyInstance()));
            }
            log.info("Demo: {} recent incidents, published as news", news.size());
        }
        ahead.forEach(task -> TaskDeadlines.schedule(deadlines, task));
        // closed for good (the history never reopens): erased at the end of the retention term, as any closed incident
        int retentionYears = protocol.version(1).retentionYears();
        closings.forEach(closed -> ErasureDeadline.schedule(deadlines, dueTimes, closed.incidentId(), closed.closedAt(),
                retentionYears));
    }

    private static List<DomainEventMessage<?>> messages(HistoryGenerator.Incident incident, List<Object> payloads,
                                                        MetaData metaData) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            messages.add(new GenericDomainEventMessage<>("Incident", incident.id().value(), sequence,
                    payloads.get(sequence), metaData));
        }
        return messages;
    }

    /**
     * The incident's events as the aggregate would have left them by {@code now}: an open task whose due time has
     * passed has its overdue event; one still ahead is added to {@code ahead}, to get its deadline; a closed one's
     * closing is added to {@code closings}, to get its erasure.
     */
    private List<Object> settled(HistoryGenerator.Incident incident, Instant now, List<TaskScheduledEvent> ahead,
                                 List<IncidentClosedEvent> closings) {
        List<Object> settled = new ArrayList<>(incident.events());
        if (settled.get(settled.size() - 1) instanceof IncidentClosedEvent closed) {
            closings.add(closed);
        }
        for (TaskScheduledEvent open : stillOpen(incident.events())) {
            if (open.dueAt().isAfter(now)) {
                ahead.add(open);
            } else {
                settled.add(overdue(open));
            }
        }
        return settled;
    }

    /** The tasks scheduled and neither done, withdrawn nor overdue yet. */
    private static List<TaskScheduledEvent> stillOpen(List<Object> events) {
        Set<Object> ended = events.stream()
                .map(e -> e instanceof TaskCompletedEvent c ? c.taskId()
                        : e instanceof TaskWithdrawnEvent w ? w.taskId()
                        : e instanceof TaskOverdueEvent o ? o.taskId() : null)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        return events.stream().filter(TaskScheduledEvent.class::isInstance).map(TaskScheduledEvent.class::cast)
                .filter(task -> !ended.contains(task.taskId()))
                .toList();
    }

    /** As the aggregate's deadline would have recorded it, under the demo's first agreement version. */
    private TaskOverdueEvent overdue(TaskScheduledEvent task) {
        Role escalateTo = task.step() == ProtocolStep.FOLLOW_UP_ACTION ? Role.TEAM_LEADER
                : protocol.version(1).step(task.step()).map(StepAgreement::escalateTo).orElse(null);
        return new TaskOverdueEvent(task.taskId(), task.incidentId(), task.teamId(), task.step(), task.dueAt(),
                task.assigneeRole(), task.assignee(), escalateTo);
    }

    private static RecentIncidents.Cast cast() {
        return new RecentIncidents.Cast(DemoAccounts.NOORD, "mark", "sanne", "bram", DemoAccounts.ZUID, "peter",
                "fatima", "pim");
    }

    /** The demo teams with their leader and the staff who report (peer supporters are staff too). */
    static List<HistoryGenerator.Team> teams() {
        Map<TeamId, String> leaders = new LinkedHashMap<>();
        Map<TeamId, List<String>> staff = new LinkedHashMap<>();
        for (DemoAccounts.DemoAccount account : DemoAccounts.ACCOUNTS) {
            if (account.team() == null) {
                continue;
            }
            if (account.role() == Role.TEAM_LEADER) {
                leaders.put(account.team(), account.username());
            } else {
                staff.computeIfAbsent(account.team(), team -> new ArrayList<>()).add(account.username());
            }
        }
        return leaders.entrySet().stream()
                .map(team -> new HistoryGenerator.Team(team.getKey(), team.getValue(), staff.get(team.getKey())))
                .toList();
    }
}
