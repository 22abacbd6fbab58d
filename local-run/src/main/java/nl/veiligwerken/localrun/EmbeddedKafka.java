package nl.veiligwerken.localrun;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) inside the launcher's JVM, built with
 * Kafka's own test kit, the one spring-kafka-test's {@code EmbeddedKafkaKraftBroker} wraps. We use the kit
 * directly for one reason: to put its log directory under the data directory. The wrapper puts it in a temp
 * directory that a JVM shutdown hook of Kafka's deletes while our own hook is still stopping the broker,
 * which ends every Ctrl-C in a wall of "disk error" stack traces.
 * <p>
 * The log is emptied on every start: the event store in PostgreSQL is the outbox and the command service's
 * publisher keeps its position there, so nothing the services need lives only in Kafka. The topics are
 * created by the services ({@code incident-events} by the command service, {@code incident-events.DLT} by
 * the notifier), as they are against the Kafka in docker compose. KRaft picks the port; the services are told.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static EmbeddedKafka start(Path logDir) throws IOException {
        deleteRecursively(logDir);
        Files.createDirectories(logDir);
        // the test kit prints its storage formatting to System.out, which would bury the launcher's messages
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(logDir)
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    // one broker: Kafka's internal topics cannot have more replicas than that
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    // Only the services create topics, with the partitions they choose. Otherwise the notifier's
                    // consumer, subscribing before the command service has created incident-events, makes the
                    // broker create it with one partition; the command service then grows it to three, and the
                    // consumer only notices the new partitions at its next metadata refresh, minutes later.
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            if (cluster != null) {
                closeQuietly(cluster);
            }
            throw new IOException("Could not start the embedded Kafka: " + e.getMessage(), e);
        } finally {
            System.setOut(console);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(cluster);
        log.info("Kafka on {}", kafka.bootstrapServers());
        return kafka;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception ignored) {
            // already failing: the start-up error is the one to report
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
