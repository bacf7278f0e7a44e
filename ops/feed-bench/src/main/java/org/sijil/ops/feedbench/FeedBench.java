package org.sijil.ops.feedbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.sijil.api.SijilApplication;
import org.sijil.api.feed.EmbeddedKafkaBroker;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.RegisterBirthCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.query.feed.FeedPublisher;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Relay throughput of the feed against Kafka's own producer on the same broker, in one run:
 * the application (embedded PostgreSQL with fsync on, embedded KRaft broker) stores N births with
 * the feed's processor stopped; the processor is started and timed until the notification topic
 * holds N more records (events/s from store to topic); then a raw idempotent {@code acks=all}
 * KafkaProducer loop sends N records of the same average size, keys and headers to a fresh topic
 * with the same partitions, and is timed the same way (records/s). Prints both and their ratio.
 *
 * <p>Usage: {@code java -jar ... [events]} (default 20000); see docs/benchmarks.md.
 */
public final class FeedBench {

    private FeedBench() {
    }

    public static void main(String[] args) throws Exception {
        run(args);
        // the results are printed; threads the embedded Kafka leaves behind must not keep the JVM up
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path data = Files.createTempDirectory("sijil-feed-bench-");
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ConfigurableApplicationContext app = SpringApplication.run(SijilApplication.class,
                "--server.port=0", "--sijil.data-dir=" + data, "--sijil.keys-dir=" + data.resolve("keys"),
                "--sijil.master-key-file=" + data.resolve("keys/master.key"),
                "--sijil.embedded-postgres.data-dir=" + data.resolve("postgres"), "--sijil.embedded-postgres.port=0",
                "--sijil.feeds.embedded.port=0", "--sijil.feeds.batch-size=1000",
                "--logging.level.root=WARN", "--logging.level.org.sijil=WARN");
        try {
            EmbeddedKafkaBroker broker = app.getBean(EmbeddedKafkaBroker.class);
            TrackingEventProcessor processor = app.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(FeedPublisher.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
            String topic = "sijil.notifications";
            processor.shutDown();
            store(app.getBean(CommandGateway.class), n);
            long before = total(broker, topic);
            long t0 = System.nanoTime();
            processor.start();
            waitFor(broker, topic, before + n);
            double relaySeconds = (System.nanoTime() - t0) / 1e9;
            double relay = n / relaySeconds;
            int size = averageSize(broker, topic, 200);

            String rawTopic = "bench.raw-producer";
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(rawTopic, 3, (short) 1))).all().get();
            }
            double rawSeconds = rawProducer(broker.bootstrapServers(), rawTopic, n, size);
            double raw = n / rawSeconds;
            System.out.printf("events=%d record-bytes~%d%n", n, size);
            System.out.printf("relay (store -> notification topic): %.0f events/s (%.2f s)%n", relay, relaySeconds);
            System.out.printf("raw KafkaProducer (idempotent, acks=all, same size/keys/headers): %.0f records/s (%.2f s)%n",
                    raw, rawSeconds);
            System.out.printf("ratio relay/raw: %.2f%n", relay / raw);
        } finally {
            app.close();
        }
    }

    private static void store(CommandGateway commands, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger left = new AtomicInteger(n);
        SecureRandom random = new SecureRandom();
        List<Future<?>> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; w < 8; w++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    commands.sendAndWait(new RegisterBirthCommand(UUID.randomUUID(), NationalNumber.allocate(random),
                            new PersonName(new LineageName("علي", "حسن", "كاظم", "الربيعي", "زهراء", "جعفر"), null,
                                    new LineageName("Ali", "Hasan", "Kadhim", "Al-Rubaie", "Zahraa", "Jaafar")),
                            Sex.MALE, LocalDate.of(2024, 2, 1), new Place("BGD", null, "مستشفى الكاظمية"), null, null,
                            "BGD-KARKH-01", Instant.now()));
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("stored %d births in %.1f s (feed stopped)%n", n, (System.nanoTime() - t0) / 1e9);
    }

    private static double rawProducer(String bootstrap, String topic, int n, int size) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] value = new byte[size];
        new SecureRandom().nextBytes(value);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.partitionsFor(topic);
            long t0 = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, UUID.randomUUID().toString(), value);
                r.headers().add("event-id", UUID.randomUUID().toString().getBytes());
                r.headers().add("event-type", "BirthRegisteredEvent".getBytes());
                r.headers().add("key-id", "0123456789abcdef".getBytes());
                r.headers().add("global-index", Integer.toString(i).getBytes());
                r.headers().add("signature", new byte[88]);
                acks.add(producer.send(r));
            }
            for (Future<RecordMetadata> a : acks) {
                a.get();
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(EmbeddedKafkaBroker broker) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    private static long total(EmbeddedKafkaBroker broker, String topic) {
        try (KafkaConsumer<String, byte[]> c = consumer(broker)) {
            List<TopicPartition> ps = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return c.endOffsets(ps).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static void waitFor(EmbeddedKafkaBroker broker, String topic, long target) throws InterruptedException {
        try (KafkaConsumer<String, byte[]> c = consumer(broker)) {
            List<TopicPartition> ps = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (c.endOffsets(ps).values().stream().mapToLong(Long::longValue).sum() < target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the relay did not finish in 10 minutes");
                }
                Thread.sleep(20);
            }
        }
    }

    private static int averageSize(EmbeddedKafkaBroker broker, String topic, int sample) {
        try (KafkaConsumer<String, byte[]> c = consumer(broker)) {
            List<TopicPartition> ps = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(ps);
            c.seekToBeginning(ps);
            long bytes = 0;
            int count = 0;
            while (count < sample) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    bytes += r.value().length;
                    count++;
                }
            }
            return (int) (bytes / count);
        }
    }
}
