package nl.veiligwerken.platform.retention;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.veiligwerken.platform.db.SharedSchemaMigrations;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keyring on the real database: a key per incident, made once, gone for good when erased. */
class IncidentKeysIT {

    private static DataSource dataSource;
    private static JdbcClient jdbc;

    @BeforeAll
    static void ownDatabase() throws Exception {
        EmbeddedPostgres postgres = PostgresTestDatabase.postgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("drop database if exists keyring_test");
            c.createStatement().execute("create database keyring_test");
        }
        dataSource = postgres.getDatabase("postgres", "keyring_test");
        new SharedSchemaMigrations(dataSource, List.of("keyring")).migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    private static String incident() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aKeyIsMadeOnFirstUseKeptAndErasedForGood() {
        JdbcIncidentKeys keys = new JdbcIncidentKeys(dataSource, null);
        String incident = incident();

        assertThat(keys.find(incident)).isEmpty();
        SecretKey key = keys.obtain(incident);
        assertThat(keys.obtain(incident)).isEqualTo(key);
        assertThat(new JdbcIncidentKeys(dataSource, null).find(incident)).contains(key);

        keys.erase(incident);
        assertThat(keys.find(incident)).isEmpty();
        assertThat(jdbc.sql("select count(*) from keyring.incident_key where incident_id = ?").param(incident)
                .query(Long.class).single()).isZero();
    }

    @Test
    void withinATransactionAnErasedKeyIsNotServedFromMemory() {
        JdbcIncidentKeys keys = new JdbcIncidentKeys(dataSource, null);
        String incident = incident();
        keys.obtain(incident);
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            assertThat(keys.find(incident)).isPresent();
            keys.erase(incident);
            assertThat(keys.find(incident)).isEmpty();
        });
    }

    @Test
    void aMasterKeyWrapsTheKeysItStoresAndOpensTheOlderOnes() {
        SecretKey master = RetentionAutoConfiguration.masterKey(
                Base64.getEncoder().encodeToString(FieldCipher.newKey().getEncoded()));
        String before = incident();
        SecretKey plain = new JdbcIncidentKeys(dataSource, null).obtain(before);
        JdbcIncidentKeys wrapping = new JdbcIncidentKeys(dataSource, master);
        String incident = incident();

        SecretKey key = wrapping.obtain(incident);

        byte[] stored = jdbc.sql("select key_bytes from keyring.incident_key where incident_id = ?").param(incident)
                .query(byte[].class).single();
        assertThat(stored).isNotEqualTo(key.getEncoded());
        assertThat(new JdbcIncidentKeys(dataSource, master).find(incident)).contains(key);
        assertThat(wrapping.find(before)).as("a key stored before the master key was set").contains(plain);
        assertThatThrownBy(() -> new JdbcIncidentKeys(dataSource, null).find(incident))
                .hasMessageContaining("veilig-werken.retention.master-key");
        SecretKey wrong = FieldCipher.newKey();
        assertThatThrownBy(() -> new JdbcIncidentKeys(dataSource, wrong).afterSingletonsInstantiated())
                .as("a wrong master key stops the start").hasMessageContaining("does not open");
        assertThatThrownBy(() -> RetentionAutoConfiguration.masterKey("c2hvcnQ="))
                .hasMessageContaining("32 bytes");
    }
}
