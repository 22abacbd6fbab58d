package nl.veiligwerken.command.protocol;

import nl.veiligwerken.api.protocol.ProtocolAgreement;
import nl.veiligwerken.api.protocol.ProtocolAgreementAdoptedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adopted versions in {@code command.protocol_version}. Until version 1 is adopted (the first start of a
 * new installation) the defaults are version 1: the adoption that follows stores exactly those.
 */
@Component
@ProcessingGroup(JdbcProtocolBook.PROCESSING_GROUP)
public class JdbcProtocolBook implements ProtocolBook {

    static final String PROCESSING_GROUP = "protocol-book";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** Adopted versions never change, so once read they are kept. */
    private final Map<Integer, ProtocolAgreement> versions = new ConcurrentHashMap<>();

    JdbcProtocolBook(DataSource dataSource, JsonMapper json) {
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
    }

    @EventHandler
    void on(ProtocolAgreementAdoptedEvent event) {
        jdbc.sql("""
                        insert into command.protocol_version (version, effective_from, agreement) values (?, ?, ?::jsonb)
                        on conflict (version) do nothing""")
                .params(event.version(), Timestamp.from(event.effectiveFrom()), json.writeValueAsString(event.agreement()))
                .update();
    }

    @Override
    public ProtocolAgreement inForceAt(Instant moment) {
        return jdbc.sql("select version from command.protocol_version where effective_from <= ? order by version desc limit 1")
                .param(Timestamp.from(moment))
                .query(Integer.class)
                .optional()
                .map(this::version)
                .orElseGet(JdbcProtocolBook::defaults);
    }

    @Override
    public ProtocolAgreement version(int version) {
        return versions.computeIfAbsent(version, this::read);
    }

    /** Every adopted version, newest first. */
    public List<ProtocolAgreement> all() {
        List<Integer> adopted = jdbc.sql("select version from command.protocol_version order by version desc")
                .query(Integer.class).list();
        return adopted.isEmpty() ? List.of(defaults()) : adopted.stream().map(this::version).toList();
    }

    public boolean anyAdopted() {
        return jdbc.sql("select exists (select 1 from command.protocol_version)").query(Boolean.class).single();
    }

    private ProtocolAgreement read(int version) {
        return jdbc.sql("select agreement::text from command.protocol_version where version = ?")
                .param(version)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, ProtocolAgreement.class))
                .orElseGet(() -> {
                    if (version == 1) {
                        return defaults();
                    }
                    throw new IllegalStateException("protocol version " + version + " was never adopted");
                });
    }

    static ProtocolAgreement defaults() {
        return new ProtocolAgreement(1, Instant.EPOCH, DefaultAgreement.steps(), DefaultAgreement.RETENTION_YEARS,
                ProtocolAgreements.SYSTEM);
    }
}
