package nl.veiligwerken.platform.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.veiligwerken.platform.db.SharedSchemaMigrations;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log on a real PostgreSQL, migrated from the shared {@code audit} folder as a service does: rows go in
 * and come back newest first, filtered and paged; the table refuses every update, delete and truncate, whoever
 * asks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogIT {

    private static DataSource dataSource;
    private static AuditLog log;
    private static JdbcClient jdbc;

    @BeforeAll
    static void ownDatabase() throws Exception {
        EmbeddedPostgres postgres = PostgresTestDatabase.postgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("drop database if exists audit_log");
            c.createStatement().execute("create database audit_log");
        }
        dataSource = postgres.getDatabase("postgres", "audit_log");
        new SharedSchemaMigrations(dataSource, List.of("audit")).migrate();
        log = new AuditLog(dataSource, new DataSourceTransactionManager(dataSource));
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    @Order(1)
    void recordsWhoReadWhatAndWhenAndFindsItNewestFirstFilteredAndPaged() {
        Instant before = Instant.now().minusSeconds(1);
        log.record(entry("sanne", AuditAction.INCIDENT_READ, "inc-1", null));
        log.record(entry("mark", AuditAction.EXPORT_CSV, null, "team=noord quarter=2026-Q1"));
        log.record(entry("sanne", AuditAction.TIMELINE_READ, "inc-1", null));

        AuditLog.Page all = log.find(AuditLog.Filter.none(), 0, 50);
        assertThat(all.entries()).extracting(AuditLog.Entry::action)
                .containsExactly(AuditAction.TIMELINE_READ, AuditAction.EXPORT_CSV, AuditAction.INCIDENT_READ);
        AuditLog.Entry export = all.entries().get(1);
        assertThat(export.username()).isEqualTo("mark");
        assertThat(export.roles()).isEqualTo("TEAM_LEADER");
        assertThat(export.subject()).isEqualTo("team=noord quarter=2026-Q1");
        assertThat(export.service()).isEqualTo("incident-query");
        assertThat(export.at()).isAfter(before).isBefore(Instant.now().plusSeconds(1));

        assertThat(log.find(new AuditLog.Filter(null, null, "sanne", null), 0, 50).entries()).hasSize(2);
        assertThat(log.find(new AuditLog.Filter(null, null, null, "inc-1"), 0, 50).entries())
                .allSatisfy(e -> assertThat(e.incidentId()).isEqualTo("inc-1")).hasSize(2);
        assertThat(log.find(new AuditLog.Filter(Instant.now().plus(Duration.ofDays(1)), null, null, null), 0, 50)
                .entries()).isEmpty();
        assertThat(log.find(new AuditLog.Filter(null, before, null, null), 0, 50).entries()).isEmpty();

        AuditLog.Page first = log.find(AuditLog.Filter.none(), 0, 2);
        AuditLog.Page second = log.find(AuditLog.Filter.none(), 1, 2);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.entries()).hasSize(2);
        assertThat(second.hasNext()).isFalse();
        assertThat(second.entries()).extracting(AuditLog.Entry::action).containsExactly(AuditAction.INCIDENT_READ);
    }

    @Test
    @Order(2)
    void theTableRefusesEveryUpdateDeleteAndTruncate() {
        log.record(entry("olga", AuditAction.STEP_FORM_READ, "inc-2", null));
        long rows = count();

        assertThatThrownBy(() -> jdbc.sql("update audit.audit_log set username = 'someone-else'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_log where username = 'olga'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit.audit_log").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");

        assertThat(count()).isEqualTo(rows);
        assertThat(jdbc.sql("select count(*) from audit.audit_log where username = 'olga'").query(Long.class).single())
                .isEqualTo(1);
    }

    private static long count() {
        return jdbc.sql("select count(*) from audit.audit_log").query(Long.class).single();
    }

    private static AuditLog.Entry entry(String username, AuditAction action, String incident, String subject) {
        return new AuditLog.Entry(0, null, username, "TEAM_LEADER", action, incident, subject, "incident-query",
                incident == null ? "/reviews/quarterly.csv" : "/incidents/" + incident, null);
    }
}
