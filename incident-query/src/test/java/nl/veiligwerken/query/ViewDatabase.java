package nl.veiligwerken.query;

import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

/** The view tables in a real PostgreSQL, migrated as the service would, for projection tests without Spring. */
public final class ViewDatabase {

    private static JdbcClient jdbc;

    private ViewDatabase() {
    }

    public static synchronized JdbcClient jdbc() {
        if (jdbc == null) {
            DataSource dataSource = PostgresTestDatabase.postgres().getDatabase("postgres", PostgresTestDatabase.DATABASE);
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas("query")
                    .defaultSchema("query")
                    .createSchemas(true)
                    .locations("classpath:db/query", "classpath:db/axon")
                    .load()
                    .migrate();
            jdbc = JdbcClient.create(dataSource);
        }
        return jdbc;
    }
}
