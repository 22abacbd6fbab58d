package nl.veiligwerken.localrun;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local run's Kafka keeps what the services rely on across a stop and start on the same data directory:
 * an event the command service published but the notifier had not consumed yet (the publisher's position is
 * in PostgreSQL, so it is never sent again), and the notifier's committed offsets.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedKafkaTest {

    private static final String TOPIC = "restart-test";
    private static final String GROUP = "restart-test-notifier";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @Test
    void keepsRecordsAndCommittedOffsetsAcrossARestart(@TempDir Path dataDir) throws Exception {
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            clusterId = kafka.clusterId();
            try (Admin admin = admin(kafka)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                producer.send(new ProducerRecord<>(TOPIC, "incident-1", "consumed before the stop")).get(30, TimeUnit.SECONDS);
                producer.send(new ProducerRecord<>(TOPIC, "incident-1", "published, not yet consumed")).get(30, TimeUnit.SECONDS);
            }
            // the notifier has handled the first record and committed that, then Ctrl-C
            try (KafkaConsumer<String, String> consumer = consumer(kafka, GROUP)) {
                consumer.assign(List.of(PARTITION));
                consumer.commitSync(Map.of(PARTITION, new OffsetAndMetadata(1)), Duration.ofSeconds(30));
            }
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
            assertThat(kafka.clusterId()).as("the same cluster, not a newly formatted one").isEqualTo(clusterId);
            try (KafkaConsumer<String, String> consumer = consumer(kafka, GROUP)) {
                consumer.assign(List.of(PARTITION));
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(PARTITION), Duration.ofSeconds(30));
                assertThat(committed.get(PARTITION)).as("the group's committed offset after the restart").isNotNull();
                assertThat(committed.get(PARTITION).offset()).isEqualTo(1);
                // the consumer goes on where it was: the unconsumed record, and nothing it already had
                assertThat(poll(consumer, 1)).extracting(ConsumerRecord::value).containsExactly("published, not yet consumed");
            }
            try (KafkaConsumer<String, String> fresh = consumer(kafka, "restart-test-from-the-start")) {
                fresh.assign(List.of(PARTITION));
                fresh.seekToBeginning(List.of(PARTITION));
                assertThat(poll(fresh, 2)).extracting(ConsumerRecord::value)
                        .containsExactly("consumed before the stop", "published, not yet consumed");
            }
        }
    }

    private static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (records.size() < expected && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        // one more short poll: a record too many would show up here
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records;
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafka kafka, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a lost committed offset must fail the test, not be papered over by a reset to the start or the end
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
