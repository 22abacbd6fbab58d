package nl.veiligwerken.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongConsumer;

/**
 * Grows the event store to millions of events fast, with events exactly as the services write them: the
 * command service's own demo history (written by the service through its own Axon serializer, whatever that
 * serializer does to the payload) is the template, and the filler copies it inside PostgreSQL, one copy per
 * round, giving every UUID in a copy (incident, event, task and action ids, in the columns and inside the
 * serialized payload and metadata) a prefix of its own, so each copy is a new set of incidents with the same
 * histories. The copies keep the template's {@code demoHistory} mark, so the Kafka publisher passes them by as
 * it does the demo history; they exist in the event store only (no deadlines, no command-side lookup rows).
 * Each copy gets its incidents' keys too, so reading a copied event costs what reading the original costs (a key
 * lookup and an AES-GCM pass per personal field); the ciphertext is bound to the original incident's id, so in a
 * copy the personal fields read as null, as after an erasure. The figures count that work, not the fields' content.
 */
final class EventStoreFiller {

    /** Each UUID's first 8 hex digits become the copy's number. */
    static final String UUID_PATTERN = "[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

    /** The copy number k as the UUID's first 8 hex digits, the rest of the UUID kept. */
    private static final String PREFIX = "lpad(to_hex(k), 8, '0') || '\\1'";

    private final Connection db;
    private long templateEvents = -1;
    private long templateIncidents;
    private long nextCopy = 1;

    EventStoreFiller(Connection db) {
        this.db = db;
    }

    /** The demo history, set aside once before any copy exists. */
    void takeTemplate() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("drop table if exists bench.template");
            s.execute("""
                    create table bench.template as
                    select * from eventstore.domain_event_entry
                     where aggregate_identifier in (
                           select aggregate_identifier from eventstore.domain_event_entry
                            where sequence_number = 0 and position('demoHistory' in convert_from(meta_data, 'UTF8')) > 0)
                     order by global_index""");
            try (ResultSet rs = s.executeQuery("select count(*), count(distinct aggregate_identifier) from bench.template")) {
                rs.next();
                templateEvents = rs.getLong(1);
                templateIncidents = rs.getLong(2);
            }
        }
        if (templateEvents == 0) {
            throw new IllegalStateException("no demo history in the event store to copy (DEMO_HISTORY_INCIDENTS=0?)");
        }
    }

    long templateEvents() {
        return templateEvents;
    }

    long templateIncidents() {
        return templateIncidents;
    }

    static long count(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from eventstore.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long incidents(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from eventstore.domain_event_entry where sequence_number = 0")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Copies until the store holds at least {@code events} events and {@code incidents} incidents. */
    void growTo(long events, long incidents, LongConsumer progress) throws SQLException {
        long have = count(db);
        long haveIncidents = incidents(db);
        while (have < events || haveIncidents < incidents) {
            long copiesForEvents = (long) Math.ceil((events - have) / (double) templateEvents);
            long copiesForIncidents = (long) Math.ceil((incidents - haveIncidents) / (double) templateIncidents);
            long copies = Math.max(1, Math.min(20, Math.max(copiesForEvents, copiesForIncidents)));
            copy(nextCopy, nextCopy + copies - 1);
            nextCopy += copies;
            have += copies * templateEvents;
            haveIncidents += copies * templateIncidents;
            progress.accept(have);
        }
        try (Statement s = db.createStatement()) {
            s.execute("analyze eventstore.domain_event_entry");
        }
    }

    static String copySql() {
        return """
                insert into eventstore.domain_event_entry (global_index, event_identifier, meta_data, payload,
                    payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                select nextval('eventstore.domain_event_entry_seq'),
                       regexp_replace(t.event_identifier, '%1$s', %2$s, 'g'),
                       convert_to(regexp_replace(convert_from(t.meta_data, 'UTF8'), '%1$s', %2$s, 'g'), 'UTF8'),
                       convert_to(regexp_replace(convert_from(t.payload, 'UTF8'), '%1$s', %2$s, 'g'), 'UTF8'),
                       t.payload_revision, t.payload_type, t.time_stamp,
                       regexp_replace(t.aggregate_identifier, '%1$s', %2$s, 'g'),
                       t.sequence_number, t.type
                  from generate_series(?::bigint, ?::bigint) k cross join bench.template t
                 order by k, t.global_index""".formatted(UUID_PATTERN, PREFIX);
    }

    static String copyKeysSql() {
        return """
                insert into keyring.incident_key (incident_id, key_bytes, wrapped, created_at)
                select regexp_replace(t.incident_id, '%1$s', %2$s, 'g'), t.key_bytes, t.wrapped, t.created_at
                  from generate_series(?::bigint, ?::bigint) k
                  cross join keyring.incident_key t
                 where t.incident_id in (select aggregate_identifier from bench.template)
                on conflict (incident_id) do nothing""".formatted(UUID_PATTERN, PREFIX);
    }

    private void copy(long firstCopy, long lastCopy) throws SQLException {
        for (String sql : new String[] {copySql(), copyKeysSql()}) {
            try (PreparedStatement insert = db.prepareStatement(sql)) {
                insert.setLong(1, firstCopy);
                insert.setLong(2, lastCopy);
                insert.executeUpdate();
            }
        }
    }
}
