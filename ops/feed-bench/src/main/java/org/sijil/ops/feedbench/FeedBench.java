package org.sijil.ops.feedbench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.apache.kafka.tools.ProducerPerformance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
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
 * the feed's processor stopped (after a warm-up of 2,000 births relayed untimed); the other event
 * processors are paused, the feed's processor is started and timed until the notification topic
 * holds N more records (events/s from store to topic); then Kafka's {@link ProducerPerformance} tool sends N records of the same average size with
 * the relay's producer settings to a fresh topic with the same partitions (records/s, the baseline),
 * and a raw idempotent {@code acks=all} KafkaProducer loop does the same with the relay's keys and
 * headers (a second reference). Prints each and the ratios.
 *
 * <p>Usage: {@code java ... FeedBench [events [batch-size]]} (defaults 20000 and 1000); see
 * docs/benchmarks.md.
 */
public final class FeedBench {

    private static final int WARM_UP = 2_000;

    private FeedBench() {
    }

    public static void main(String[] args) throws Exception {
        run(args);
        // the results are printed; threads the embedded Kafka leaves behind must not keep the JVM up
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path data = Files.createTempDirectory("sijil-feed-bench-");
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ConfigurableApplicationContext app = SpringApplication.run(SijilApplication.class,
                "--server.port=0", "--sijil.data-dir=" + data, "--sijil.keys-dir=" + data.resolve("keys"),
                "--sijil.master-key-file=" + data.resolve("keys/master.key"),
                "--sijil.embedded-postgres.data-dir=" + data.resolve("postgres"), "--sijil.embedded-postgres.port=0",
                "--sijil.feeds.embedded.port=0", "--sijil.feeds.batch-size=" + batch,
                "--logging.level.root=WARN", "--logging.level.org.sijil=WARN");
        try {
            EmbeddedKafkaBroker broker = app.getBean(EmbeddedKafkaBroker.class);
            StreamingEventProcessor processor = app.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(FeedPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
            String topic = "sijil.notifications";
            CommandGateway commands = app.getBean(CommandGateway.class);
            // warm-up, not timed: the relay's code paths compiled, its producer connected, as the
            // producer tool's are by the time it is measured (it runs after the relay in this JVM)
            processor.shutDown();
            long warm = total(broker, topic);
            store(commands, WARM_UP);
            processor.start();
            waitFor(broker, topic, warm + WARM_UP);
            processor.shutDown();
            store(commands, n);
            // The relay is measured alone, as the producer tool is: the views, the transparency log and
            // the other projections (still catching up on the births just stored) are paused, so they
            // do not compete with it for the cores. They are not needed by the relay.
            List<String> paused = new ArrayList<>();
            app.getBean(EventProcessingConfiguration.class).eventProcessors().forEach((name, p) -> {
                if (!name.equals(FeedPublisher.PROCESSING_GROUP)) {
                    p.shutDown();
                    paused.add(name);
                }
            });
            System.out.printf("paused during the relay: %s%n", paused);
            long before = total(broker, topic);
            double loadBefore = load();
            long t0 = System.nanoTime();
            processor.start();
            waitFor(broker, topic, before + n);
            double relaySeconds = (System.nanoTime() - t0) / 1e9;
            double relay = n / relaySeconds;
            double loadAfterRelay = load();
            int size = averageSize(broker, topic, 200);

            String toolTopic = "bench.producer-performance";
            String rawTopic = "bench.raw-producer";
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(toolTopic, 3, (short) 1), new NewTopic(rawTopic, 3, (short) 1)))
                        .all().get();
            }
            double tool = producerPerformance(broker.bootstrapServers(), toolTopic, n, size);
            double rawSeconds = rawProducer(broker.bootstrapServers(), rawTopic, n, size);
            double raw = n / rawSeconds;
            System.out.printf("events=%d batch-size=%d record-bytes~%d%n", n, batch, size);
            System.out.printf("relay (store -> notification topic): %.0f events/s (%.2f s; load average %.2f -> %.2f)%n",
                    relay, relaySeconds, loadBefore, loadAfterRelay);
            System.out.printf("Kafka ProducerPerformance (kafka-tools, idempotent, acks=all, same size): %.0f records/s%n",
                    tool);
            System.out.printf("raw KafkaProducer loop (idempotent, acks=all, same size/keys/headers): %.0f records/s (%.2f s)%n",
                    raw, rawSeconds);
            System.out.printf("ratio relay/ProducerPerformance: %.2f%n", relay / tool);
            System.out.printf("ratio relay/raw loop: %.2f%n", relay / raw);
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

    /**
     * Kafka's own producer benchmark ({@code kafka-producer-perf-test}, class {@link ProducerPerformance}
     * of kafka-tools) with the relay's producer settings: N records of {@code size} random bytes, no
     * throughput limit. Returns the records/s of its final summary line.
     */
    private static double producerPerformance(String bootstrap, String topic, int n, int size) throws Exception {
        String[] args = {"--topic", topic, "--num-records", Integer.toString(n), "--record-size", Integer.toString(size),
            "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
            "enable.idempotence=true", "linger.ms=5", "batch.size=" + 256 * 1024};
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(args);
        } finally {
            System.setOut(out);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        Matcher summary = Pattern.compile("(?m)^" + n + " records sent, ([0-9.]+) records/sec").matcher(printed);
        if (!summary.find()) {
            throw new IllegalStateException("no summary line from ProducerPerformance:\n" + printed);
        }
        System.out.print("ProducerPerformance: " + printed.lines().reduce((a, b) -> b).orElse("") + "\n");
        return Double.parseDouble(summary.group(1));
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
