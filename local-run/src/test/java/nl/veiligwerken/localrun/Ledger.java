package nl.veiligwerken.localrun;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What each request id of a {@link ReportLoad} must have become, read from the database the services share:
 * a report answered with a 2xx is exactly one {@code IncidentReportedEvent} in the event store (found by its
 * aggregate id, the incident id the request carried, so without reading a payload), exactly one row in the
 * query service's incident view, and exactly one {@code NEW_INCIDENT} notification for each leader of its team,
 * no more. A report never answered may have been stored (the answer was lost) but at most once.
 */
final class Ledger {

    private final LocalSystem system;

    Ledger(LocalSystem system) {
        this.system = system;
    }

    /** The state of every request id at one moment. */
    record Snapshot(Map<String, Integer> events, Set<String> inView, Map<String, Map<String, Integer>> notified,
                    List<String> duplicateNotifications) {
    }

    /** What is still missing or wrong for one answered request; empty when it is all there. */
    static List<String> problems(ReportLoad.Request request, Snapshot s, Map<String, Set<String>> leadersByTeam) {
        List<String> problems = new ArrayList<>();
        int events = s.events().getOrDefault(request.id, 0);
        if (events != 1) {
            problems.add(events + " IncidentReportedEvent(s)");
        }
        if (!s.inView().contains(request.id)) {
            problems.add("not in query.incident_view");
        }
        Map<String, Integer> told = s.notified().getOrDefault(request.id, Map.of());
        Set<String> leaders = leadersByTeam.getOrDefault(request.reporter.teamId(), Set.of());
        for (String leader : leaders) {
            int count = told.getOrDefault(leader, 0);
            if (count != 1) {
                problems.add(count + " NEW_INCIDENT notification(s) for " + leader);
            }
        }
        told.keySet().stream().filter(person -> !leaders.contains(person))
                .forEach(person -> problems.add("a NEW_INCIDENT notification for " + person + ", who leads no such team"));
        return problems;
    }

    /**
     * Waits until every answered request is complete (at most {@code patience}), then checks all of them and
     * the unanswered ones, and returns when it was complete. Fails listing what is missing or double.
     */
    Instant awaitComplete(ReportLoad load, Duration patience) throws Exception {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(patience);
        Map<String, Set<String>> leaders = leadersByTeam();
        ReportLoad.REPORTERS.forEach(r -> assertThat(leaders).as("leaders of %s", r.teamId()).containsKey(r.teamId()));
        List<ReportLoad.Request> answered = load.answered();
        List<ReportLoad.Request> all = load.requests();
        Snapshot snapshot;
        Map<String, List<String>> missing;
        while (true) {
            snapshot = snapshot(all);
            missing = new TreeMap<>();
            for (ReportLoad.Request request : answered) {
                List<String> problems = problems(request, snapshot, leaders);
                if (!problems.isEmpty()) {
                    missing.put(request.id, problems);
                }
            }
            if (missing.isEmpty() || tooManyAlready(snapshot) || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(500);
        }
        Instant complete = Instant.now();
        Duration took = Duration.between(begin, complete);
        if (!missing.isEmpty()) {
            fail(missing.size() + " of " + answered.size() + " requests answered 2xx are not exactly once everywhere"
                    + " after " + LocalSystem.seconds(took) + " s; the first ones: "
                    + missing.entrySet().stream().limit(10).toList() + "; logs in " + system.settings().logDir());
        }
        assertThat(snapshot.duplicateNotifications()).as("notifications given twice for the same thing").isEmpty();
        for (ReportLoad.Request request : all) {
            if (request.answered == null) {
                assertThat(snapshot.events().getOrDefault(request.id, 0))
                        .as("IncidentReportedEvents of %s, which never got a 2xx", request.id).isLessThanOrEqualTo(1);
            }
        }
        return complete;
    }

    /** Something stored twice cannot get better by waiting. */
    private static boolean tooManyAlready(Snapshot s) {
        return s.events().values().stream().anyMatch(n -> n > 1) || !s.duplicateNotifications().isEmpty()
                || s.notified().values().stream().flatMap(m -> m.values().stream()).anyMatch(n -> n > 1);
    }

    Snapshot snapshot(Collection<ReportLoad.Request> requests) throws SQLException {
        String[] ids = requests.stream().map(r -> r.id).toArray(String[]::new);
        try (Connection c = system.database().connect()) {
            Array idArray = c.createArrayOf("varchar", ids);
            Map<String, Integer> events = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("""
                    select aggregate_identifier, count(*) from eventstore.domain_event_entry
                    where aggregate_identifier = any(?) and payload_type like '%.IncidentReportedEvent'
                    group by aggregate_identifier""")) {
                q.setArray(1, idArray);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        events.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            Set<String> inView = new HashSet<>();
            try (PreparedStatement q = c.prepareStatement(
                    "select incident_id from query.incident_view where incident_id = any(?)")) {
                q.setArray(1, idArray);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        inView.add(rs.getString(1));
                    }
                }
            }
            Map<String, Map<String, Integer>> notified = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("""
                    select incident_id, recipient_username, count(*) from notifier.notification
                    where incident_id = any(?) and kind = 'NEW_INCIDENT' group by incident_id, recipient_username""")) {
                q.setArray(1, idArray);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        notified.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                    }
                }
            }
            // of any kind: the same task, step and person told twice about one incident
            List<String> duplicates = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    select incident_id, kind, task_id, recipient_username, count(*) from notifier.notification
                    where incident_id = any(?) group by incident_id, kind, task_id, recipient_username
                    having count(*) > 1""")) {
                q.setArray(1, idArray);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        duplicates.add(rs.getString(1) + " " + rs.getString(2) + " task " + rs.getString(3)
                                + " to " + rs.getString(4) + ": " + rs.getInt(5) + " times");
                    }
                }
            }
            return new Snapshot(events, inView, notified, duplicates);
        }
    }

    /** The team leaders each report's team has, from the directory: whom a new incident must reach. */
    Map<String, Set<String>> leadersByTeam() throws SQLException {
        Map<String, Set<String>> leaders = new HashMap<>();
        try (Connection c = system.database().connect();
             PreparedStatement q = c.prepareStatement("""
                     select m.team_id, m.username from identity.team_membership m
                     join identity.account a on a.username = m.username where m.leads and a.enabled""");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                leaders.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        return leaders;
    }
}
