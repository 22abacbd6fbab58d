package nl.veiligwerken.platform.db;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.List;

/**
 * Migrates the schemas several services share ({@code identity}, {@code eventstore}) from this module's
 * {@code db/shared/<schema>} folders, each with its own history table in its own schema. Every service that
 * needs a shared schema runs this before its own migrations: the first to start creates the schema, the others
 * find it applied, and Flyway's advisory lock keeps concurrent starts apart.
 */
public final class SharedSchemaMigrations {

    private final DataSource dataSource;
    private final List<String> schemas;

    public SharedSchemaMigrations(DataSource dataSource, List<String> schemas) {
        this.dataSource = dataSource;
        this.schemas = List.copyOf(schemas);
    }

    public void migrate() {
        for (String schema : schemas) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .locations("classpath:db/shared/" + schema)
                    .load()
                    .migrate();
        }
    }
}
