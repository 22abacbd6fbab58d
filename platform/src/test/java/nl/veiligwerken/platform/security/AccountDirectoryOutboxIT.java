package nl.veiligwerken.platform.security;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.db.SharedSchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.veiligwerken.platform.test.OwnTestDatabase;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every change of the directory leaves its row in {@code identity.directory_outbox} in the same transaction, and
 * saving what is already there leaves none. On a real PostgreSQL with the shared migrations, in a database of
 * its own so the rows counted are this test's.
 */
@SpringJUnitConfig(classes = AccountDirectoryOutboxIT.Config.class, initializers = AccountDirectoryOutboxIT.OwnDatabase.class)
class AccountDirectoryOutboxIT {

    static class OwnDatabase extends OwnTestDatabase {
        @Override
        protected String name() {
            return "account_directory_outbox_it";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement(proxyTargetClass = true)
    static class Config {

        @Bean
        DataSource dataSource(@Value("${spring.datasource.url}") String url) {
            DataSource dataSource = new DriverManagerDataSource(url, "postgres", "postgres");
            new SharedSchemaMigrations(dataSource, List.of("identity")).migrate();
            return dataSource;
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        AccountDirectory accountDirectory(DataSource dataSource) {
            return new AccountDirectory(dataSource);
        }
    }

    @Autowired
    AccountDirectory directory;
    @Autowired
    DataSource dataSource;

    TeamId team;
    String username;

    @BeforeEach
    void freshNames() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = new TeamId("team-" + suffix);
        username = "person-" + suffix;
    }

    @Test
    void savingATeamWritesItsStateAndSavingItAgainUnchangedWritesNothing() {
        directory.saveTeam(team, "Team Oost");
        directory.saveTeam(team, "Team Oost");

        assertThat(rows("team:" + team.value())).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("event_type", "nl.veiligwerken.directory.team-saved.v1");
            assertThat((String) row.get("payload")).isEqualTo("{\"name\": \"Team Oost\", \"teamId\": \"" + team.value() + "\"}");
            assertThat(row.get("published_at")).isNull();
        });

        directory.saveTeam(team, "Team Oost-Brabant");
        assertThat(rows("team:" + team.value())).extracting(r -> r.get("payload").toString())
                .last().asString().contains("Oost-Brabant");
        assertThat(rows("team:" + team.value())).hasSize(2);
    }

    @Test
    void savingAnAccountWritesItsWholePictureAndOnlyWhatRecipientsNeedCountsAsAChange() {
        directory.saveTeam(team, "Team");
        save("{noop}one", Set.of(Role.TEAM_LEADER, Role.STAFF));

        List<Map<String, Object>> rows = rows("account:" + username);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("event_type", "nl.veiligwerken.directory.account-saved.v1");
            assertThat((String) row.get("payload"))
                    .contains("\"username\": \"" + username + "\"", "\"displayName\": \"Anna\"", "\"enabled\": true",
                            "\"language\": \"nl\"", "\"roles\": [\"STAFF\", \"TEAM_LEADER\"]",
                            "\"leads\": [\"" + team.value() + "\"]", "\"memberOf\": [\"" + team.value() + "\"]")
                    .doesNotContain("one", "password");
        });

        // the same again, and a new password: nothing a recipient list depends on
        save("{noop}one", Set.of(Role.STAFF, Role.TEAM_LEADER));
        save("{noop}two", Set.of(Role.STAFF, Role.TEAM_LEADER));
        assertThat(rows("account:" + username)).hasSize(1);

        save("{noop}two", Set.of(Role.STAFF));
        assertThat(rows("account:" + username)).hasSize(2).last()
                .satisfies(row -> assertThat((String) row.get("payload")).contains("\"roles\": [\"STAFF\"]"));
    }

    @Test
    void disablingEnablingAndRemovingAreChangesToo() {
        directory.saveTeam(team, "Team");
        save("{noop}x", Set.of(Role.STAFF));

        assertThat(directory.setEnabled(username, false)).isTrue();
        assertThat(directory.setEnabled(username, false)).isTrue();
        assertThat(rows("account:" + username)).hasSize(2).last()
                .satisfies(row -> assertThat((String) row.get("payload")).contains("\"enabled\": false"));
        assertThat(directory.setEnabled(username, true)).isTrue();

        assertThat(directory.removeAccount(username)).isTrue();
        assertThat(directory.removeAccount(username)).as("already gone").isFalse();
        assertThat(directory.setEnabled(username, true)).as("unknown account").isFalse();
        assertThat(rows("account:" + username)).extracting(r -> r.get("event_type")).containsExactly(
                "nl.veiligwerken.directory.account-saved.v1", "nl.veiligwerken.directory.account-saved.v1",
                "nl.veiligwerken.directory.account-saved.v1", "nl.veiligwerken.directory.account-removed.v1");
        assertThat(directory.hasAccount(username)).isFalse();
    }

    @Test
    void aChangeThatFailsLeavesNoOutboxRow() {
        TeamId unknownTeam = new TeamId("no-such-team-" + UUID.randomUUID());

        assertThatThrownBy(() -> directory.saveAccount(username, "Anna", "anna@test.local", "{noop}x",
                Set.of(Role.STAFF), Set.of(unknownTeam), Set.of())).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(directory.hasAccount(username)).isFalse();
        assertThat(rows("account:" + username)).isEmpty();
    }

    /** An installation from before the outbox: its directory is written to the outbox once, as the code would. */
    @Test
    void theMigrationPutsWhatTheDirectoryHeldInTheOutboxAsTheCodeWouldHaveWrittenIt() throws Exception {
        String database = "account_directory_backfill_it";
        EmbeddedPostgres postgres = PostgresTestDatabase.postgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("drop database if exists " + database);
            c.createStatement().execute("create database " + database);
        }
        DataSource old = postgres.getDatabase("postgres", database);
        Flyway.configure().dataSource(old).schemas("identity").defaultSchema("identity").createSchemas(true)
                .locations("classpath:db/shared/identity").target("1").load().migrate();
        JdbcClient oldJdbc = JdbcClient.create(old);
        oldJdbc.sql("insert into identity.team (team_id, name) values ('oost', 'Team Oost'), ('west', 'Team West')").update();
        oldJdbc.sql("insert into identity.account (username, display_name, email, password_hash, enabled, language)"
                + " values ('olga', 'Olga', 'olga@test.local', '{noop}x', false, 'en')").update();
        oldJdbc.sql("insert into identity.account_role (username, role) values ('olga', 'TEAM_LEADER'), ('olga', 'STAFF')").update();
        oldJdbc.sql("insert into identity.team_membership (username, team_id, leads) values ('olga', 'west', true), ('olga', 'oost', false)").update();

        new SharedSchemaMigrations(old, List.of("identity")).migrate();
        assertThat(oldJdbc.sql("select event_key from identity.directory_outbox order by id").query(String.class).list())
                .containsExactly("team:oost", "team:west", "account:olga");

        AccountDirectory upgraded = new AccountDirectory(old);
        upgraded.saveTeam(new TeamId("oost"), "Team Oost");
        upgraded.setEnabled("olga", false);
        assertThat(oldJdbc.sql("select count(*) from identity.directory_outbox").query(Long.class).single())
                .as("nothing changed, so nothing new").isEqualTo(3);
    }

    private void save(String passwordHash, Set<Role> roles) {
        directory.saveAccount(username, "Anna", "anna@test.local", passwordHash, roles, Set.of(team),
                roles.contains(Role.TEAM_LEADER) ? Set.of(team) : Set.of());
    }

    private List<Map<String, Object>> rows(String key) {
        return JdbcClient.create(dataSource)
                .sql("select event_type, payload::text as payload, published_at from identity.directory_outbox where event_key = ? order by id")
                .param(key).query().listOfRows();
    }
}
