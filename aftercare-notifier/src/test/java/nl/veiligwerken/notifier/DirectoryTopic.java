package nl.veiligwerken.notifier;

import nl.veiligwerken.api.directory.DirectoryEventType;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts directory events on {@code team-directory} for the notifier's tests: either as the command service's
 * publisher sends them (the rows {@code AccountDirectory} wrote to {@code identity.directory_outbox}, with the
 * same CloudEvents headers), or made up by the test, to send them twice or out of order.
 */
public final class DirectoryTopic {

    private final KafkaTemplate<String, String> kafka;
    private final JdbcClient jdbc;

    public DirectoryTopic(KafkaTemplate<String, String> kafka, JdbcClient jdbc) {
        this.kafka = kafka;
        this.jdbc = jdbc;
    }

    private record Row(long id, String eventKey, String eventType, String payload, Timestamp recordedAt) {
    }

    /**
     * What the command service and the notifier do for a directory change, for the people (and their teams) a
     * test just saved through {@code AccountDirectory}: relays their outbox rows and waits until the notifier's
     * copy holds the newest of each.
     */
    public void tellNotifier(String... usernames) throws Exception {
        List<String> keys = new java.util.ArrayList<>();
        for (String username : usernames) {
            keys.add(DirectoryEventType.accountKey(username));
            jdbc.sql("select team_id from identity.team_membership where username = ?").param(username)
                    .query(String.class).list()
                    .forEach(team -> keys.add(DirectoryEventType.teamKey(new nl.veiligwerken.api.TeamId(team))));
        }
        String[] all = keys.stream().distinct().toArray(String[]::new);
        relayOutbox(all);
        long newest = jdbc.sql("select coalesce(max(id), 0) from identity.directory_outbox where event_key = any(?)")
                .param(all).query(Long.class).single();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select greatest((select coalesce(max(sequence), 0) from notifier.directory_account where username = any(?)),
                                        (select coalesce(max(t.sequence), 0) from notifier.directory_team t
                                           join identity.team_membership m on m.team_id = t.team_id where m.username = any(?)))""")
                .params(usernames, usernames).query(Long.class).single() >= newest);
    }

    /** Relays the outbox rows of these keys, in order, as the command service's publisher would. */
    public void relayOutbox(String... keys) throws Exception {
        List<Row> rows = jdbc.sql("""
                        select id, event_key, event_type, payload::text as payload, recorded_at
                          from identity.directory_outbox where event_key = any(?) order by id""")
                .param(keys).query(Row.class).list();
        for (Row row : rows) {
            send(row.eventType(), row.eventKey(), row.id(), row.payload());
        }
    }

    /** One record; a null type or sequence leaves that header out. */
    void send(String type, String key, Long sequence, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(DirectoryEventType.TOPIC, key, value);
        header(record, "ce_specversion", "1.0");
        if (sequence != null) {
            header(record, "ce_id", "team-directory-" + sequence);
            header(record, DirectoryEventType.SEQUENCE_HEADER, Long.toString(sequence));
        }
        if (type != null) {
            header(record, "ce_type", type);
        }
        header(record, "ce_source", DirectoryEventType.SOURCE);
        header(record, "content-type", "application/json");
        kafka.send(record).get(10, TimeUnit.SECONDS);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
