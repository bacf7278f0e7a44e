package org.sijil.query.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends feed records with an idempotent producer ({@code enable.idempotence=true}, {@code acks=all}):
 * each as it is handed over, then a batch waits for every acknowledgement at once.
 *
 * <p>Order per person rests on one rule: a record handed to the producer is never dropped while a
 * later one of the same partition is written. So the producer retries without a delivery deadline
 * ({@code delivery.timeout.ms} and {@code retries} at their maximum; the idempotent producer keeps
 * each partition's order across retries), and when Kafka is down this sink gives up <em>waiting</em>
 * after {@code ackTimeout} — failing the batch so it is retried — but keeps the producer and its
 * queued records, which Kafka receives, in order, ahead of the retried copies once it is back.
 * A record that fails for good (a non-retriable error) discards the producer; only then could a
 * later record overtake it, which the failed batch's retry cannot undo (see docs/feeds.md).
 */
public final class KafkaFeedSink implements FeedSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaFeedSink.class);

    private final Map<String, Object> config;
    private final Duration ackTimeout;
    private Producer<String, byte[]> producer;

    /**
     * @param bootstrapServers the brokers
     * @param ackTimeout       how long a batch waits for its acknowledgements before it fails and is
     *                         retried (its records stay queued in the producer)
     * @param overrides        further producer settings (they cannot switch idempotence or acks off)
     */
    public KafkaFeedSink(String bootstrapServers, Duration ackTimeout, Map<String, Object> overrides) {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ProducerConfig.CLIENT_ID_CONFIG, "sijil-feed");
        c.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        c.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        long wait = Math.max(ackTimeout.toMillis(), 2_000);
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(wait, 30_000));
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, wait / 2);
        c.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        c.putAll(overrides);
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        c.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.config = Map.copyOf(c);
        this.ackTimeout = Duration.ofMillis(wait);
    }

    @Override
    public Batch open() {
        return new KafkaBatch(producer());
    }

    /** The acknowledgements of one batch's records, awaited together once all are handed over. */
    private final class KafkaBatch implements Batch {
        private final Producer<String, byte[]> producer;
        private final List<Future<RecordMetadata>> acks = new ArrayList<>();

        KafkaBatch(Producer<String, byte[]> producer) {
            this.producer = producer;
        }

        @Override
        public void send(FeedRecord r) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(r.topic(), r.key(), r.value());
            r.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            try {
                Future<RecordMetadata> ack = producer.send(record);
                acks.add(ack);
                if (ack.isDone()) {
                    ack.get(); // refused at once (no metadata, buffer full): send nothing after it
                }
            } catch (InterruptedException | ExecutionException | RuntimeException e) {
                throw failed(e);
            }
        }

        @Override
        public void awaitAcknowledged() {
            // no flush(): it waits without a deadline; linger.ms is short and each ack is awaited here
            long deadline = System.nanoTime() + ackTimeout.toNanos();
            try {
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
                throw failed(e);
            }
        }

        private IllegalStateException failed(Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new IllegalStateException("interrupted while waiting for Kafka's acknowledgements", e);
            }
            if (e instanceof TimeoutException || e instanceof org.apache.kafka.common.errors.TimeoutException) {
                // Kafka unreachable or slow: what was handed over stays queued, in order
                return new IllegalStateException("Kafka did not acknowledge the feed batch within " + ackTimeout, e);
            }
            if (e instanceof ExecutionException) {
                if (!(e.getCause() instanceof RetriableException)) {
                    discard(producer);
                }
                return new IllegalStateException("Kafka did not take the feed batch: " + e.getCause(), e.getCause());
            }
            discard(producer);
            return new IllegalStateException("Kafka refused the feed batch: " + e, e);
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    /** Closes the failed producer, unless it was already replaced. */
    private synchronized void discard(Producer<String, byte[]> failed) {
        if (producer == failed) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("closing the failed feed producer", e);
            }
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
