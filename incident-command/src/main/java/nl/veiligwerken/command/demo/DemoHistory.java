package nl.veiligwerken.command.demo;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.demo.HistoryGenerator;
import nl.veiligwerken.platform.security.DemoAccounts;
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
import java.util.List;
import java.util.Map;

/**
 * For the demo only: on a new installation, a year of incidents of the demo teams, as if the organisation had
 * worked with the system for four quarters, so the task inbox, the timelines, the compliance figures and the
 * quarterly review have something to show. The events carry {@link #METADATA_KEY}: they are history, not news,
 * so they are not published to Kafka and nobody is mailed about them.
 */
@Component
@Profile("demo")
public class DemoHistory {

    /** Marks a generated event; the Kafka publisher leaves such events alone. */
    public static final String METADATA_KEY = "demoHistory";

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final long SEED = 20261201L;

    private final EventStore events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int incidents;

    DemoHistory(EventStore events, JdbcClient jdbc, Clock clock,
                @Value("${veilig-werken.demo.history-incidents:0}") int incidents) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.incidents = incidents;
    }

    @EventListener(ApplicationReadyEvent.class)
    void generateOnce() {
        if (incidents <= 0 || jdbc.sql("select exists (select 1 from command.incident_lookup)").query(Boolean.class).single()) {
            return;
        }
        Instant now = clock.instant();
        Duration year = Duration.ofDays(365);
        // reports up to a week ago: what is still open is what a team would still be working on
        HistoryGenerator generator = new HistoryGenerator(SEED, teams(), "pim", now.minus(year), year.minusDays(7));
        int appended = 0;
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            HistoryGenerator.Incident incident = generator.incident();
            for (int sequence = 0; sequence < incident.events().size(); sequence++) {
                batch.add(new GenericDomainEventMessage<>("Incident", incident.id().value(), sequence,
                        incident.events().get(sequence), MetaData.with(METADATA_KEY, true)));
            }
            if (batch.size() >= 500 || i == incidents - 1) {
                events.publish(batch);
                appended += batch.size();
                batch = new ArrayList<>();
            }
        }
        log.info("Demo: generated a year of history, {} incidents in {} events", incidents, appended);
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
