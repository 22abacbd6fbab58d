package nl.veiligwerken.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A real PostgreSQL for integration tests (zonky's embedded binaries), started once per test JVM and pointed
 * to by {@code spring.datasource.*}. Use with {@code @ContextConfiguration(initializers = PostgresTestDatabase.class)}.
 * Tests share the database, so they use fresh identifiers rather than expecting empty tables.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DATABASE = "veiligwerken";

    private static EmbeddedPostgres postgres;

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                    c.createStatement().execute("create database " + DATABASE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    public static String jdbcUrl() {
        return postgres().getJdbcUrl("postgres", DATABASE);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + jdbcUrl(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres"
        ).applyTo(context);
    }
}
