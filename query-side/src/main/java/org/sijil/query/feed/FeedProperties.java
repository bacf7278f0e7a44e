package org.sijil.query.feed;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.sijil.store.read.LingeringEventSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Kafka feeds' settings ({@code sijil.feeds.*}).
 *
 * @param enabled             false: no publisher and no embedded broker
 * @param bootstrapServers    an external Kafka cluster; empty (and no {@code spring.kafka.bootstrap-servers}):
 *                            the embedded single-node broker is started
 * @param notificationTopic   the topic without personal data
 * @param ministryTopicPrefix each ministry's topic is this prefix followed by the ministry's name
 * @param partitions          partitions of each topic created by Sijil
 * @param replicationFactor   replication factor of each topic created by Sijil (1 on the embedded broker)
 * @param retention           {@code retention.ms} of each topic created by Sijil; 0 keeps messages forever
 * @param batchSize           events the publisher sends per batch (and per token update)
 * @param linger              the shortest time between the starts of two of the publisher's batches while
 *                            it keeps up (events stored meanwhile share one batch); 0 turns it off
 * @param ackTimeout          how long a batch waits for Kafka's acknowledgements before it is retried
 *                            (its records stay queued in the producer and reach Kafka in order)
 * @param producer            further Kafka producer settings; idempotence and {@code acks=all} stay on
 * @param embedded            the embedded broker
 */
@Validated
@ConfigurationProperties("sijil.feeds")
public record FeedProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("") String bootstrapServers,
        @NotBlank @Pattern(regexp = TOPIC) @DefaultValue("sijil.notifications") String notificationTopic,
        @NotBlank @Pattern(regexp = TOPIC) @DefaultValue("sijil.ministry.") String ministryTopicPrefix,
        @Min(1) @Max(10_000) @DefaultValue("3") int partitions,
        @Min(1) @Max(7) @DefaultValue("1") short replicationFactor,
        @NotNull @DefaultValue("30d") Duration retention,
        @Min(1) @Max(10_000) @DefaultValue("500") int batchSize,
        @NotNull @DefaultValue("20ms") Duration linger,
        @NotNull @DefaultValue("30s") Duration ackTimeout,
        @NotNull @DefaultValue Map<String, String> producer,
        @Valid @NotNull @DefaultValue Embedded embedded) {

    /** Kafka's legal topic characters. */
    static final String TOPIC = "[a-zA-Z0-9._-]{1,200}";

    public FeedProperties {
        producer = Map.copyOf(producer);
        if (retention != null && retention.isNegative()) {
            throw new IllegalArgumentException("sijil.feeds.retention must not be negative");
        }
        if (ackTimeout != null && ackTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("sijil.feeds.ack-timeout must be at least 2s");
        }
        LingeringEventSource.checkSetting(linger, "sijil.feeds.linger");
    }

    /**
     * The embedded single-node KRaft broker.
     *
     * @param host           the host it listens on and advertises
     * @param port           its client port (0 picks a free one)
     * @param controllerPort its KRaft controller port (0 picks a free one)
     * @param dataDir        its log directory, kept across restarts; empty: {@code <sijil.data-dir>/kafka}
     */
    public record Embedded(
            @NotBlank @DefaultValue("localhost") String host,
            @Min(0) @Max(65535) @DefaultValue("9092") int port,
            @Min(0) @Max(65535) @DefaultValue("0") int controllerPort,
            Path dataDir) {
    }
}
