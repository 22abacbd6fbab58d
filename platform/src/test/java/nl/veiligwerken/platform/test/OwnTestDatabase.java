package nl.veiligwerken.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The shared embedded PostgreSQL, but a database of the test's own, made empty for it: for a test that changes
 * what every other test relies on (the agreements in force) or needs a whole store to itself (a rebuild compared
 * row by row). A subclass names the database.
 */
public abstract class OwnTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    protected abstract String name();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedPostgres postgres = PostgresTestDatabase.postgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("drop database if exists " + name());
            c.createStatement().execute("create database " + name());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        TestPropertyValues.of(
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", name()),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres").applyTo(context);
    }
}
