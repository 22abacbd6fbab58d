package nl.veiligwerken.query;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.demo.HistoryGenerator;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.test.OwnTestDatabase;
import nl.veiligwerken.query.admin.Projections;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.closing.IncidentClosedEvent;
import nl.veiligwerken.api.closing.IncidentReopenedEvent;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.ReportAmendedEvent;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every view rebuilt from the event store equals the view kept live, row for row, on a generated history of
 * thousands of incidents; on a database of its own, so nothing but this history is in the store. The history holds
 * every event type a view handles: what the demo history never makes (a peer supporter, a withdrawn task, a
 * reopening, an erasure) is added here to some incidents.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = RebuildIT.OwnDatabase.class)
@DirtiesContext
class RebuildIT {

    static class OwnDatabase extends OwnTestDatabase {

        @Override
        protected String name() {
            return "rebuild_it";
        }
    }

    private static final int INCIDENTS = 2_000;
    /** One incident in so many gets an event the demo history never makes. */
    private static final int RARE = 25;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Axon's own tables and Flyway's: not views. */
    private static final Set<String> NOT_VIEWS = Set.of("token_entry", "flyway_schema_history", "saga_entry",
            "association_value_entry", "dead_letter_entry", "deadline_entry");
    private static final VwUser ADMIN = new VwUser("beheer", "Beheer", "b@x", "{noop}x", true, Set.of(Role.ADMIN),
            Set.of(), Set.of());

    @Autowired
    EventStore eventStore;
    @Autowired
    Projections projections;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void everyRebuiltViewEqualsTheLiveOne() throws Exception {
        HistoryGenerator history = new HistoryGenerator(20261201L, List.of(
                new HistoryGenerator.Team(new TeamId("noord"), "mark", List.of("sanne", "kees", "ayse")),
                new HistoryGenerator.Team(new TeamId("zuid"), "peter", List.of("fatima", "joost")),
                new HistoryGenerator.Team(new TeamId("oost"), "ingrid", List.of("bas", "lotte", "noor"))),
                "pim", Instant.parse("2025-10-01T07:00:00Z"), Duration.ofDays(420));
        long started = System.nanoTime();
        int events = 0;
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (int i = 0; i < INCIDENTS; i++) {
            HistoryGenerator.Incident incident = history.incident();
            List<Object> payloads = new ArrayList<>(incident.events());
            rarer(i, payloads);
            payloads.forEach(payload -> seen.add(payload.getClass()));
            for (int sequence = 0; sequence < payloads.size(); sequence++) {
                batch.add(new GenericDomainEventMessage<>("Incident", incident.id().value(), sequence, payloads.get(sequence)));
            }
            if (batch.size() > 1_000 || i == INCIDENTS - 1) {
                eventStore.publish(batch);
                events += batch.size();
                batch = new ArrayList<>();
            }
        }
        // every event type a view handles is in the history (a new one without coverage fails here), erasure too
        Set<Class<?>> handled = handledEventTypes();
        handled.add(PersonalDataErasedEvent.class);
        assertThat(seen).as("event types in the generated history").containsAll(handled);
        awaitAllCaughtUp();
        System.out.printf("Rebuild benchmark: %d incidents, %d events projected live in %d ms%n", INCIDENTS, events,
                (System.nanoTime() - started) / 1_000_000);
        Map<String, List<Map<String, Object>>> live = views();
        assertThat(live.get("task")).as("the task view has rows").hasSizeGreaterThan(INCIDENTS);
        assertThat(live.get("compliance_task")).as("the compliance view has rows").hasSizeGreaterThan(INCIDENTS);

        // anyone but an administrator is refused
        mvc.perform(post("/api/admin/projections/tasks/rebuild").with(user(leader()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/projections/nothing/rebuild").with(user(ADMIN))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").isString());

        started = System.nanoTime();
        for (Projections.Status view : projections.all()) {
            mvc.perform(post("/api/admin/projections/" + view.name() + "/rebuild").with(user(ADMIN)))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.name").value(view.name()));
        }
        awaitAllCaughtUp();
        System.out.printf("Rebuild benchmark: all %d views rebuilt from %d events in %d ms%n", projections.all().size(),
                events, (System.nanoTime() - started) / 1_000_000);

        Map<String, List<Map<String, Object>>> rebuilt = views();
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        for (String table : live.keySet()) {
            Set<Map<String, Object>> liveRows = new HashSet<>(live.get(table));
            Set<Map<String, Object>> rebuiltRows = new HashSet<>(rebuilt.get(table));
            List<Map<String, Object>> lost = live.get(table).stream().filter(row -> !rebuiltRows.contains(row)).limit(3).toList();
            List<Map<String, Object>> added = rebuilt.get(table).stream().filter(row -> !liveRows.contains(row)).limit(3).toList();
            assertThat(lost).as("rows of %s live but not after the rebuild (rebuilt instead: %s)", table, added).isEmpty();
            assertThat(rebuilt.get(table)).as("view table %s after the rebuild", table).hasSameSizeAs(live.get(table));
        }
        // the page the administrator uses: a rebuild through the form, back to the list
        mvc.perform(post("/admin/projections/compliance/rebuild").with(user(ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin/projections"));
        mvc.perform(get("/admin/projections").with(user(ADMIN))).andExpect(status().isOk());
    }

    /** The administrator holds a view still (maintenance, measuring the command side alone) and lets it catch up. */
    @Test
    void aPausedViewHoldsStillUntilResumed() throws Exception {
        mvc.perform(post("/api/admin/projections/tasks/pause").with(user(leader()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/projections/nothing/pause").with(user(ADMIN))).andExpect(status().isNotFound());
        mvc.perform(post("/api/admin/projections/tasks/pause").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("tasks"))
                .andExpect(jsonPath("$.running").value(false));

        HistoryGenerator.Incident incident = new HistoryGenerator(7L, List.of(
                new HistoryGenerator.Team(new TeamId("west"), "anna", List.of("tom"))),
                "pim", Instant.parse("2026-01-05T09:00:00Z"), Duration.ofDays(1)).incident();
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < incident.events().size(); sequence++) {
            messages.add(new GenericDomainEventMessage<>("Incident", incident.id().value(), sequence, incident.events().get(sequence)));
        }
        eventStore.publish(messages);
        String id = incident.id().value();
        // another view goes on meanwhile; the paused one has not moved
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from query.incident_view where incident_id = ?")
                .param(id).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from query.task where incident_id = ?").param(id).query(Long.class).single())
                .as("tasks of an incident reported while the task view was paused").isZero();
        assertThat(projections.find("tasks").orElseThrow().running()).isFalse();

        mvc.perform(post("/api/admin/projections/tasks/resume").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.running").value(true));
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from query.task where incident_id = ?")
                .param(id).query(Long.class).single() > 0);
        awaitAllCaughtUp();
    }

    /**
     * What the demo history leaves out, added to every {@value #RARE}th incident or so, in turn, at the end of its
     * life as the command side would write it: a peer supporter assigned, an open task withdrawn after an
     * amendment, a closed incident reopened (and sometimes closed again), a closed incident's personal data erased.
     */
    private static void rarer(int i, List<Object> events) {
        if (i % RARE != 0) {
            return;
        }
        IncidentReportedEvent reported = (IncidentReportedEvent) events.get(0);
        IncidentId id = reported.incidentId();
        TeamId team = reported.teamId();
        Instant at = reported.reportedAt().plus(Duration.ofDays(40));
        boolean closed = events.get(events.size() - 1) instanceof IncidentClosedEvent;
        switch ((i / RARE) % 4) {
            case 0 -> events.add(new PeerSupporterAssignedEvent(id, team, "kees", "mark",
                    reported.reportedAt().plus(Duration.ofHours(2))));
            case 1 -> {
                Set<TaskId> done = new HashSet<>();
                events.stream().filter(TaskCompletedEvent.class::isInstance)
                        .forEach(e -> done.add(((TaskCompletedEvent) e).taskId()));
                events.stream().filter(TaskScheduledEvent.class::isInstance).map(TaskScheduledEvent.class::cast)
                        .filter(task -> !done.contains(task.taskId())).findFirst()
                        .ifPresent(open -> {
                            events.add(new ReportAmendedEvent(id, reported.content(), "Ernst bijgesteld",
                                    reported.reportedBy(), at));
                            events.add(new TaskWithdrawnEvent(open.taskId(), id, team, open.step(), at));
                        });
            }
            case 2 -> {
                if (closed) {
                    events.add(new IncidentReopenedEvent(id, "Nieuwe informatie", "mark", at));
                    if (i % (2 * RARE) == 0) {
                        events.add(new IncidentClosedEvent(id, "mark", at.plus(Duration.ofDays(2))));
                    }
                }
            }
            default -> {
                if (closed) {
                    events.add(new PersonalDataErasedEvent(id, team, at.plus(Duration.ofDays(365))));
                }
            }
        }
    }

    /** The payload types of the event handlers of this service's views. */
    private Set<Class<?>> handledEventTypes() {
        Set<Class<?>> types = new HashSet<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !type.getName().startsWith("nl.veiligwerken.query")) {
                continue;
            }
            for (Method method : ClassUtils.getUserClass(type).getDeclaredMethods()) {
                // an event of the API (not a handler of every message, which counts progress)
                if (method.isAnnotationPresent(EventHandler.class) && method.getParameterCount() > 0
                        && method.getParameterTypes()[0].getName().startsWith("nl.veiligwerken.api.")) {
                    types.add(method.getParameterTypes()[0]);
                }
            }
        }
        assertThat(types).as("event types the views handle").isNotEmpty();
        return types;
    }

    private void awaitAllCaughtUp() {
        long head = jdbc.sql("select coalesce(max(global_index), -1) from eventstore.domain_event_entry")
                .query(Long.class).single();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> projections.all().stream()
                .allMatch(view -> view.running() && !view.rebuilding() && view.position() >= head));
    }

    /** Every view table, every row, in a fixed order: the whole read side as data. */
    private Map<String, List<Map<String, Object>>> views() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : jdbc.sql("select table_name from information_schema.tables where table_schema = 'query'"
                + " and table_type = 'BASE TABLE' order by table_name").query(String.class).list()) {
            if (NOT_VIEWS.contains(table)) {
                continue;
            }
            String columns = String.join(", ", jdbc.sql("select column_name from information_schema.columns"
                            + " where table_schema = 'query' and table_name = ? order by ordinal_position")
                    .param(table).query(String.class).list());
            tables.put(table, jdbc.sql("select " + columns + " from query." + table + " order by " + columns)
                    .query().listOfRows().stream().map(RebuildIT::comparable).toList());
        }
        return tables;
    }

    /** A row whose arrays compare by their elements (a JDBC array is equal only to itself). */
    private static Map<String, Object> comparable(Map<String, Object> row) {
        Map<String, Object> values = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            try {
                values.put(column, value instanceof java.sql.Array array
                        ? java.util.Arrays.asList((Object[]) array.getArray()) : value);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return values;
    }

    private static VwUser leader() {
        TeamId noord = new TeamId("noord");
        return new VwUser("mark", "Mark", "m@x", "{noop}x", true, Set.of(Role.TEAM_LEADER), Set.of(noord), Set.of(noord));
    }
}
