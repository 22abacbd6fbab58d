package nl.veiligwerken.localrun;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) inside the launcher's JVM, started the way
 * Kafka's own {@code kafka-server-start.sh} starts it: {@link KafkaRaftServer} on storage formatted once.
 * <p>
 * Kafka's data outlives the launcher, like PostgreSQL's. It has to: the command service's publisher keeps
 * its position in PostgreSQL, so an event it published before a Ctrl-C is never published again, and if
 * the notifier had not consumed it yet, only Kafka still has it. The notifier's committed offsets live in
 * Kafka too; losing them would make it start over or skip, depending on its reset policy. So the storage is
 * formatted only when it is new (no {@code meta.properties}); every later start reads the same cluster id,
 * node id and directory id from it and carries on where the last run stopped.
 * <p>
 * Why not Kafka's test kit ({@code KafkaClusterTestKit}, which spring-kafka-test's embedded broker wraps,
 * and which an earlier version of this class used): it is made for throw-away clusters. It makes up each
 * node's identity (cluster id, directory ids) in memory on every build instead of reading it from the
 * storage, formats as part of every run, and its fault handlers only record fatal errors for a test to
 * assert on.
 * <p>
 * The topics are created by the services ({@code incident-events} and the compacted {@code team-directory} by
 * the command service and the notifier, the {@code .DLT} ones by the notifier), as they are against the Kafka in
 * docker compose. The ports
 * are free ones picked at each start and passed to the services, so a test never collides with a local run.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    /** One node, so the id only has to stay the same across restarts: meta.properties records it. */
    static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int brokerPort;
    private final int controllerPort;
    private final String clusterId;

    private EmbeddedKafka(KafkaRaftServer server, int brokerPort, int controllerPort, String clusterId) {
        this.server = server;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
    }

    /**
     * Starts Kafka on {@code dataDir}, formatting it first only when it holds no Kafka storage yet. Returns
     * once the broker accepts clients.
     */
    public static EmbeddedKafka start(Path dataDir) throws IOException {
        return start(dataDir, LocalRunSettings.freePort(), LocalRunSettings.freePort());
    }

    /**
     * As {@link #start(Path)}, on these ports: to start it again where the services, which were given its
     * address once, look for it ({@link #restart(Path)}).
     */
    static EmbeddedKafka start(Path dataDir, int brokerPort, int controllerPort) throws IOException {
        Path metaProperties = dataDir.resolve("meta.properties");
        boolean existing = Files.isRegularFile(metaProperties);
        KafkaConfig config = new KafkaConfig(serverProperties(dataDir, brokerPort, controllerPort), false);
        if (!existing) {
            // Without meta.properties Kafka cannot start, and whatever else is there cannot be ours: an
            // earlier launcher's throw-away layout or a format interrupted half-way. Start clean.
            deleteRecursively(dataDir);
            Files.createDirectories(dataDir);
            format(dataDir);
        }
        /*
         * On a fatal error (a failed disk, a metadata log it cannot read) a Kafka server ends its process with
         * Runtime.halt. Here that process is the launcher: halting it would skip the shutdown hook and leave
         * the three services and PostgreSQL running without it. Exit normally instead, so the hook stops them.
         */
        Exit.setHaltProcedure(EmbeddedKafka::stopTheLauncher);
        Exit.setExitProcedure(EmbeddedKafka::stopTheLauncher);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // returns when the broker has caught up with the metadata log and the controller has unfenced it
            server.startup();
        } catch (RuntimeException e) {
            stopQuietly(server);
            throw new IOException("Could not start the embedded Kafka on " + dataDir + ": " + e.getMessage()
                    + (existing ? "\nIf its storage is damaged, delete that directory: only Kafka's own copy"
                    + " of the events and the consumers' positions are lost." : ""), e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(server, brokerPort, controllerPort, readClusterId(metaProperties));
        log.info("Kafka on {} ({} data in {})", kafka.bootstrapServers(), existing ? "existing" : "new", dataDir);
        return kafka;
    }

    private static void stopTheLauncher(int status, String message) {
        log.error("Kafka stopped on a fatal error{}, logged above; stopping everything.",
                message == null ? "" : " (" + message + ")");
        // from another thread: the caller is one of Kafka's, which the shutdown hook waits for while stopping it
        Thread exit = new Thread(() -> System.exit(status == 0 ? 1 : status), "kafka-fatal-error-exit");
        exit.setDaemon(true);
        exit.start();
    }

    private static Properties serverProperties(Path dataDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        // A static quorum of this one node (kraft.version 0): its address comes from this configuration on
        // every start and is not stored in the metadata log, so a different port next time is fine.
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        // loopback only: no authentication, so it must not be reachable from the network
        p.put("listeners", BROKER_LISTENER + "://localhost:" + brokerPort + ","
                + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        // one directory for the partitions and the metadata log, so one meta.properties says it is formatted
        p.put("log.dirs", dataDir.toString());
        p.put("metadata.log.dir", dataDir.toString());
        // one broker: Kafka's internal topics cannot have more replicas than that
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // a handful of consumer groups on a laptop: 50 offsets partitions would only slow every start down
        p.put("offsets.topic.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Only the services create topics, with the partitions they choose. Otherwise the notifier's
        // consumer, subscribing before the command service has created incident-events, makes the broker
        // create it with one partition; the command service then grows it to three, and the consumer only
        // notices the new partitions at its next metadata refresh, minutes later.
        p.put("auto.create.topics.enable", "false");
        // the log cleaner (it compacts the offsets topic) reserves 128 MB of heap by default; the launcher
        // runs with 512 MB and this much data needs very little
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        return p;
    }

    /** What {@code kafka-storage.sh format} does: a cluster id, meta.properties and the bootstrap metadata. */
    private static void format(Path dataDir) throws IOException {
        try {
            new Formatter()
                    // it reports each directory on System.out, which would bury the launcher's messages
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDir.toString()))
                    .setMetadataLogDirectory(dataDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IOException("Could not format Kafka's storage in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static String readClusterId(Path metaProperties) throws IOException {
        Properties meta = new Properties();
        try (var in = Files.newInputStream(metaProperties)) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }

    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    /**
     * A new broker on the same data directory and ports, after {@link #close()}: what a restarted Kafka is to
     * the services' clients, which reconnect to the address they know.
     */
    EmbeddedKafka restart(Path dataDir) throws IOException {
        return start(dataDir, brokerPort, controllerPort);
    }

    /** Stays the same for as long as the data directory does: a new one means Kafka's data was lost. */
    public String clusterId() {
        return clusterId;
    }

    /**
     * A controlled shutdown: the broker hands back its partitions and flushes its logs, so the next start
     * needs no log recovery.
     */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException ignored) {
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
