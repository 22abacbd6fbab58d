package nl.veiligwerken.notifier;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.directory.DirectoryEventType;
import nl.veiligwerken.notifier.recipients.Recipients;
import nl.veiligwerken.notifier.recipients.Recipients.Recipient;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifier learns whom it can tell from the {@code team-directory} topic alone: directory events on a real
 * (embedded) broker into its own tables on a real PostgreSQL, answered through {@link Recipients}. Every test
 * makes its own teams and accounts, so the tests share one context and database.
 */
@SpringBootTest(properties = "veilig-werken.notifier.events.retry-interval=100ms")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class TeamDirectoryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ACCOUNT_SAVED = DirectoryEventType.ACCOUNT_SAVED.type();
    private static final String TEAM_SAVED = DirectoryEventType.TEAM_SAVED.type();

    @Autowired
    Recipients recipients;
    @Autowired
    AccountDirectory directory;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void recipientsAreWhatTheDirectoryPublished() throws Exception {
        String s = suffix();
        TeamId team = new TeamId("team-" + s);
        TeamId otherTeam = new TeamId("other-" + s);
        directory.saveTeam(team, "Team " + s);
        directory.saveTeam(otherTeam, "Ander team " + s);
        save("leader-" + s, Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(team), Set.of(team));
        save("peer-" + s, Set.of(Role.PEER_SUPPORTER, Role.STAFF), Set.of(team), Set.of());
        save("staff-" + s, Set.of(Role.STAFF), Set.of(team), Set.of());
        save("other-leader-" + s, Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(otherTeam), Set.of(otherTeam));
        save("prevention-" + s, Set.of(Role.PREVENTION_OFFICER, Role.STAFF), Set.of(), Set.of());
        topic().relayOutbox(DirectoryEventType.teamKey(team), DirectoryEventType.teamKey(otherTeam),
                account("leader-" + s), account("peer-" + s), account("staff-" + s), account("other-leader-" + s),
                account("prevention-" + s));

        await().atMost(WAIT).until(() -> recipients.person("prevention-" + s).isPresent());
        assertThat(recipients.leadersOf(team)).containsExactly(
                new Recipient("leader-" + s, "Naam leader-" + s, "leader-" + s + "@test.local", "nl"));
        assertThat(usernames(recipients.holdersOf(Role.TEAM_LEADER, team))).containsExactly("leader-" + s);
        assertThat(usernames(recipients.holdersOf(Role.PEER_SUPPORTER, team))).containsExactly("peer-" + s);
        assertThat(usernames(recipients.holdersOf(Role.STAFF, team)))
                .containsExactlyInAnyOrder("leader-" + s, "peer-" + s, "staff-" + s);
        assertThat(usernames(recipients.holdersOf(Role.PREVENTION_OFFICER, team))).contains("prevention-" + s)
                .doesNotContain("leader-" + s);
        assertThat(usernames(recipients.leadersOf(otherTeam))).containsExactly("other-leader-" + s);
        assertThat(recipients.teamName(team)).isEqualTo("Team " + s);
        assertThat(recipients.teamName(new TeamId("unknown-" + s))).isEqualTo("unknown-" + s);
        assertThat(recipients.person("nobody-" + s)).isEmpty();
    }

    @Test
    void aDisabledAccountIsNoRecipientUntilEnabledAgainAndARemovedOneIsGoneForGood() throws Exception {
        String s = suffix();
        TeamId team = new TeamId("team-" + s);
        String leader = "leader-" + s;
        directory.saveTeam(team, "Team " + s);
        save(leader, Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(team), Set.of(team));
        topic().relayOutbox(DirectoryEventType.teamKey(team), account(leader));
        await().atMost(WAIT).until(() -> recipients.person(leader).isPresent());

        // every relay sends the account's earlier rows again, too: those are redeliveries of older events
        directory.setEnabled(leader, false);
        topic().relayOutbox(account(leader));
        await().atMost(WAIT).until(() -> recipients.person(leader).isEmpty());
        assertThat(recipients.leadersOf(team)).isEmpty();

        directory.setEnabled(leader, true);
        topic().relayOutbox(account(leader));
        await().atMost(WAIT).until(() -> recipients.person(leader).isPresent());
        assertThat(usernames(recipients.leadersOf(team))).containsExactly(leader);

        directory.removeAccount(leader);
        topic().relayOutbox(account(leader));
        await().atMost(WAIT).until(() -> recipients.person(leader).isEmpty());
        assertThat(recipients.leadersOf(team)).isEmpty();
        assertThat(jdbc.sql("select display_name || email from notifier.directory_account where username = ?")
                .param(leader).query(String.class).single()).as("no personal data kept").isEmpty();

        // the oldest event of all, delivered once more after the removal, does not bring it back
        long first = jdbc.sql("select min(id) from identity.directory_outbox where event_key = ?").param(account(leader))
                .query(Long.class).single();
        topic().send(ACCOUNT_SAVED, account(leader), first, accountJson(leader, "Terug", true, team));
        String marker = marker();
        assertThat(recipients.person(leader)).as("after " + marker).isEmpty();
    }

    @Test
    void theNewestEventPerKeyWinsWhateverOrderAndHowOftenTheyArrive() throws Exception {
        String s = suffix();
        TeamId team = new TeamId("team-" + s);
        String leader = "leader-" + s;
        topic().send(ACCOUNT_SAVED, account(leader), 20L, accountJson(leader, "Nieuw", true, team));
        topic().send(ACCOUNT_SAVED, account(leader), 10L, accountJson(leader, "Oud", true, team));
        topic().send(ACCOUNT_SAVED, account(leader), 20L, accountJson(leader, "Nieuw", true, team));
        topic().send(TEAM_SAVED, DirectoryEventType.teamKey(team), 30L, teamJson(team, "Nieuwe naam"));
        topic().send(TEAM_SAVED, DirectoryEventType.teamKey(team), 25L, teamJson(team, "Oude naam"));
        marker();

        assertThat(recipients.person(leader)).hasValueSatisfying(p -> assertThat(p.displayName()).isEqualTo("Nieuw"));
        assertThat(usernames(recipients.leadersOf(team))).as("the account came before its team did").containsExactly(leader);
        assertThat(recipients.teamName(team)).isEqualTo("Nieuwe naam");
        assertThat(jdbc.sql("select count(*) from notifier.directory_membership where username = ?").param(leader)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unreadableDirectoryRecordsGoToTheirDeadLetterTopicAndLaterOnesAreStillApplied() throws Exception {
        String s = suffix();
        TeamId team = new TeamId("team-" + s);
        String badJson = account("bad-json-" + s);
        String noSequence = account("no-sequence-" + s);
        String wrongKey = account("wrong-key-" + s);
        topic().send(ACCOUNT_SAVED, badJson, 1L, "{\"username\": oops");
        topic().send(ACCOUNT_SAVED, noSequence, null, accountJson("no-sequence-" + s, "Zonder", true, team));
        topic().send(ACCOUNT_SAVED, wrongKey, 1L, accountJson("someone-else-" + s, "Ander", true, team));
        String good = "good-" + s;
        topic().send(ACCOUNT_SAVED, account(good), 1L, accountJson(good, "Goed", true, team));

        await().atMost(WAIT).until(() -> recipients.person(good).isPresent());
        Map<String, ConsumerRecord<String, String>> dead = deadLetters(Set.of(badJson, noSequence, wrongKey));
        assertThat(dead.get(badJson).value()).isEqualTo("{\"username\": oops");
        assertThat(header(dead.get(badJson), "kafka_dlt-original-topic")).isEqualTo(DirectoryEventType.TOPIC);
        assertThat(header(dead.get(badJson), "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo("nl.veiligwerken.notifier.events.UnreadableEventException");
        assertThat(recipients.person("someone-else-" + s)).isEmpty();
        assertThat(recipients.person("no-sequence-" + s)).isEmpty();
    }

    private void save(String username, Set<Role> roles, Set<TeamId> memberOf, Set<TeamId> leads) {
        directory.saveAccount(username, "Naam " + username, username + "@test.local", "{noop}x", roles, memberOf, leads);
    }

    /** A record behind everything sent so far (one partition): once it is applied, the ones before it are too. */
    private String marker() throws Exception {
        String marker = "marker-" + suffix();
        topic().send(ACCOUNT_SAVED, account(marker), 1L, accountJson(marker, "Markering", true, new TeamId("markers")));
        await().atMost(WAIT).until(() -> recipients.person(marker).isPresent());
        return marker;
    }

    private static String accountJson(String username, String displayName, boolean enabled, TeamId leads) {
        return """
                {"username":"%s","displayName":"%s","email":"%s@test.local","language":"nl","enabled":%s,
                 "roles":["STAFF","TEAM_LEADER"],"memberOf":["%s"],"leads":["%s"]}"""
                .formatted(username, displayName, username, enabled, leads.value(), leads.value());
    }

    private static String teamJson(TeamId team, String name) {
        return "{\"teamId\":\"%s\",\"name\":\"%s\"}".formatted(team.value(), name);
    }

    private static String account(String username) {
        return DirectoryEventType.accountKey(username);
    }

    private static List<String> usernames(List<Recipient> recipients) {
        return recipients.stream().map(Recipient::username).toList();
    }

    private DirectoryTopic topic() {
        return new DirectoryTopic(kafka, jdbc);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, ConsumerRecord<String, String>> deadLetters(Set<String> keys) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(DirectoryEventType.TOPIC + ".DLT"));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        found.put(record.key(), record);
                    }
                }
                return found.keySet().containsAll(keys);
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
