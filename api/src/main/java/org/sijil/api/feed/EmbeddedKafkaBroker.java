package org.sijil.api.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Features;
import org.apache.kafka.server.common.MetadataVersion;
import org.sijil.crypto.files.PrivateFiles;
import org.sijil.query.feed.KafkaServers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft: broker and controller in one process) run inside the application
 * from the Kafka server jars. Its log directory is formatted once and kept, so topics and messages
 * survive restarts. It can be stopped and started again on the same ports (the fault tests do).
 */
public final class EmbeddedKafkaBroker implements KafkaServers, AutoCloseable {

    private static final java.time.Duration SHUTDOWN_WAIT = java.time.Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;

    private final Path dataDir;
    private final String host;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker(Path dataDir, String host, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.host = host;
        this.port = port == 0 ? freePort(host) : port;
        this.controllerPort = controllerPort == 0 ? freePort(host) : controllerPort;
    }

    /** {@code host:port}, for clients. */
    @Override
    public String bootstrapServers() {
        return host + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Formats the log directory if it is new, starts the broker and waits until it takes requests. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        try {
            // the topics hold sealed messages, yet their ids, keys and times are nobody else's business;
            // files Kafka writes later take the process's umask, behind these owner-only directories
            PrivateFiles.restrictTree(dataDir);
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                format();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka's log directory " + dataDir, e);
        }
        KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(config(), false), Time.SYSTEM);
        try {
            s.startup();
        } catch (RuntimeException e) {
            s.shutdown();
            s.awaitShutdown();
            throw e;
        }
        server = s;
        log.info("Embedded Kafka (KRaft, single node) on {} with data in {}, started in {} ms", bootstrapServers(),
                dataDir, (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops the broker (the data stays); {@link #start()} brings it back on the same ports. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        // KRaft's in-process shutdown can wait forever on its raft driver; never let it hold up
        // the application's own shutdown (or a test suite): wait a bounded time, then move on.
        Thread shutdown = new Thread(() -> {
            stopping.shutdown();
            stopping.awaitShutdown();
        }, "embedded-kafka-shutdown");
        shutdown.setDaemon(true);
        shutdown.start();
        try {
            shutdown.join(SHUTDOWN_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shutdown.isAlive()) {
            log.warn("Embedded Kafka on {} did not stop within {}; leaving the rest of its shutdown behind",
                    bootstrapServers(), SHUTDOWN_WAIT);
        } else {
            log.info("Embedded Kafka on {} stopped", bootstrapServers());
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void format() {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setSupportedFeatures(Features.PRODUCTION_FEATURES)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDir.toString()))
                    .setMetadataLogDirectory(dataDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka's log directory " + dataDir, e);
        }
    }

    private Properties config() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("metadata.log.dir", dataDir.toString());
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("log.cleaner.threads", "1");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("controlled.shutdown.enable", "false");
        // a single node: elect itself and get unfenced quickly
        p.put("controller.quorum.election.timeout.ms", "500");
        p.put("broker.heartbeat.interval.ms", "250");
        p.put("controller.quorum.fetch.timeout.ms", "2000");
        return p;
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}
