package org.sijil.query.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the feed topics that do not exist yet (existing topics are left as they are), with the
 * configured partitions, replication factor and retention.
 */
public final class KafkaTopicCreator {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicCreator.class);

    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;
    private final Duration retention;
    private volatile boolean done;

    /** @param retention zero keeps messages forever */
    public KafkaTopicCreator(String bootstrapServers, int partitions, short replicationFactor, Duration retention) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.retention = retention;
    }

    /** Whether the topics were found or created once; after that nothing is checked again. */
    public boolean done() {
        return done;
    }

    /**
     * Creates the missing topics among {@code topics}.
     *
     * @throws IllegalStateException if Kafka cannot be reached or refuses within {@code timeout}
     */
    public void ensure(List<String> topics, Duration timeout) {
        if (done) {
            return;
        }
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "sijil-feed-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeout.toMillis() / 2));
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, replicationFactor).configs(Map.of(
                            TopicConfig.RETENTION_MS_CONFIG,
                            retention.isZero() ? "-1" : Long.toString(retention.toMillis()))));
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
                log.info("Created feed topics {}", missing.stream().map(NewTopic::name).toList());
            }
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the feed topics", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new IllegalStateException("cannot create the feed topics on " + bootstrapServers + ": " + e, e);
        }
    }
}
