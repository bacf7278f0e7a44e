package org.sijil.ops.bench.feed;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.sijil.api.feed.EmbeddedKafkaBroker;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.ops.bench.BenchApplication;
import org.sijil.query.feed.Entitlements;
import org.sijil.query.feed.FeedMessages;
import org.sijil.query.feed.FeedPublisher;
import org.sijil.query.feed.FeedSink;
import org.sijil.query.feed.FeedStore;
import org.sijil.query.feed.FeedTopics;
import org.sijil.query.feed.KafkaFeedSink;
import org.sijil.store.read.StoredEvent;
import org.sijil.store.read.StoredRows;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

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
 * <p>Usage: {@code java -jar ops/bench/target/sijil-bench.jar feed [events [batch-size]]} (defaults 20000
 * and 1000); see docs/benchmarks.md.
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
        Path data = BenchApplication.dataDirectory("sijil-feed-bench-");
        ConfigurableApplicationContext app = BenchApplication.embedded(data)
                .set("sijil.feeds.batch-size", batch)
                .set("logging.level.org.sijil", "WARN")
                .start();
        try {
            EmbeddedKafkaBroker broker = app.getBean(EmbeddedKafkaBroker.class);
            StreamingEventProcessor processor = app.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(FeedPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
            String topic = "sijil.notifications";
            CommandGateway commands = app.getBean(CommandGateway.class);
            // warm-up, not timed: the relay's code paths compiled, its producer connected, as the
            // producer tool's are by the time it is measured (it runs after the relay in this JVM)
            processor.shutDown();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long warmFrom = lastIndex(jdbc);
            long warm = total(broker, topic);
            store(commands, WARM_UP);
            processor.start();
            waitFor(broker, topic, warm + WARM_UP);
            processor.shutDown();
            long relayFrom = lastIndex(jdbc);
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
            Map<String, Long> cpuBefore = cpuByThread();
            long t0 = System.nanoTime();
            processor.start();
            waitFor(broker, topic, before + n);
            double relaySeconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Long> relayCpu = cpuSince(cpuBefore);
            double relay = n / relaySeconds;
            double loadAfterRelay = load();
            int size = averageSize(broker, topic, 200);

            String toolTopic = "bench.producer-performance";
            String rawTopic = "bench.raw-producer";
            String ceilingTopic = "bench.plain-relay";
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(toolTopic, 3, (short) 1), new NewTopic(rawTopic, 3, (short) 1),
                        new NewTopic(ceilingTopic, 3, (short) 1))).all().get();
            }
            double tool = producerPerformance(broker.bootstrapServers(), toolTopic, n, size);
            double rawSeconds = rawProducer(broker.bootstrapServers(), rawTopic, n, size);
            double raw = n / rawSeconds;
            double loadBeforeCeiling = load();
            Map<String, Long> cpuBeforeCeiling = cpuByThread();
            double ceilingSeconds = plainRelay(app, broker.bootstrapServers(), ceilingTopic, warmFrom, relayFrom,
                    n, batch);
            double ceiling = n / ceilingSeconds;
            double loadAfterCeiling = load();
            Map<String, Long> ceilingCpu = cpuSince(cpuBeforeCeiling);
            System.out.printf("events=%d batch-size=%d record-bytes~%d%n", n, batch, size);
            System.out.printf("relay (store -> notification topic): %.0f events/s (%.2f s; load average %.2f -> %.2f)%n",
                    relay, relaySeconds, loadBefore, loadAfterRelay);
            System.out.printf("Kafka ProducerPerformance (kafka-tools, idempotent, acks=all, same size): %.0f records/s%n",
                    tool);
            System.out.printf("raw KafkaProducer loop (idempotent, acks=all, same size/keys/headers): %.0f records/s (%.2f s)%n",
                    raw, rawSeconds);
            System.out.printf("plain JDBC relay (same rows, records and producer; no processor, no token): %.0f events/s"
                    + " (%.2f s; load average %.2f -> %.2f)%n", ceiling, ceilingSeconds, loadBeforeCeiling,
                    loadAfterCeiling);
            System.out.printf("CPU per event, relay: %s%n", perEvent(relayCpu, n));
            System.out.printf("CPU per event, plain JDBC relay: %s%n", perEvent(ceilingCpu, n));
            System.out.printf("ratio relay/ProducerPerformance: %.2f%n", relay / tool);
            System.out.printf("ratio plain JDBC relay/ProducerPerformance: %.2f%n", ceiling / tool);
            System.out.printf("ratio relay/plain JDBC relay: %.2f%n", relay / ceiling);
            System.out.printf("ratio relay/raw loop: %.2f%n", relay / raw);
        } finally {
            app.close();
        }
    }

    /** CPU time of each live thread of this JVM, in nanoseconds, by thread name (threads of one name summed). */
    private static Map<String, Long> cpuByThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    cpu.merge(info.getThreadName().replaceAll("-\\d+$", "-*"), t, Long::sum);
                }
            }
        }
        return cpu;
    }

    /** CPU time each thread name used since {@code before}. */
    private static Map<String, Long> cpuSince(Map<String, Long> before) {
        Map<String, Long> used = new HashMap<>();
        cpuByThread().forEach((name, t) -> {
            long d = t - before.getOrDefault(name, 0L);
            if (d > 0) {
                used.put(name, d);
            }
        });
        return used;
    }

    /** The total and the busiest threads' CPU microseconds per event. */
    private static String perEvent(Map<String, Long> cpu, int n) {
        long total = cpu.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder s = new StringBuilder(String.format("%.1f us in all threads", total / 1e3 / n));
        cpu.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(e -> s.append(String.format("; %s %.1f us", e.getKey(), e.getValue() / 1e3 / n)));
        return s.toString();
    }

    /** The global index of the last stored event (0 if none). */
    private static long lastIndex(JdbcTemplate jdbc) {
        Long last = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return last == null ? 0 : last;
    }

    /**
     * The cheapest relay of the same events, a ceiling for the real one: a plain JDBC loop reads the
     * stored rows after {@code from} joined with their log leaves, {@code page} rows a query (the
     * relay's batch size), builds each event's records with the relay's own {@link FeedMessages} from a
     * message over the stored bytes (as Axon's are: payload and metadata deserialized only if asked
     * for), hands them to the relay's {@link KafkaFeedSink} (same producer settings) and waits for the
     * page's acknowledgements before reading the next, as the relay waits before moving its token.
     * No event processor, unit of work or token. Warmed up untimed on the warm-up's events
     * ({@code warmFrom} to {@code from}); returns the seconds taken to relay {@code n} events.
     */
    private static double plainRelay(ConfigurableApplicationContext app, String bootstrap, String topic, long warmFrom,
                                     long from, int n, int page) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        Serializer serializer = app.getBean("eventSerializer", Serializer.class);
        FeedStore store = new FeedStore(jdbc);
        FeedMessages messages = new FeedMessages(new FeedTopics(topic, topic + ".", List.of()));
        try (KafkaFeedSink sink = new KafkaFeedSink(bootstrap, Duration.ofSeconds(30), Map.of())) {
            relayPlainly(jdbc, serializer, store, messages, sink, warmFrom, from, Integer.MAX_VALUE, page);
            long t0 = System.nanoTime();
            int relayed = relayPlainly(jdbc, serializer, store, messages, sink, from, Long.MAX_VALUE, n, page);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (relayed != n) {
                throw new IllegalStateException("only " + relayed + " of " + n + " events stored after " + from);
            }
            return seconds;
        }
    }

    /** Relays up to {@code n} events with a global index in ({@code from}, {@code to}]; returns how many. */
    private static int relayPlainly(JdbcTemplate jdbc, Serializer serializer, FeedStore store, FeedMessages messages,
                                    KafkaFeedSink sink, long from, long to, int n, int page) {
        String sql = "SELECT " + StoredRows.columns("e.") + ", l.leaf_index FROM domainevententry e"
                + " LEFT JOIN log_leaf l ON l.event_id = e.eventidentifier"
                + " WHERE e.globalindex > ? AND e.globalindex <= ? ORDER BY e.globalindex LIMIT ?";
        long after = from;
        int left = n;
        while (left > 0) {
            List<StoredEvent> rows = new ArrayList<>(page);
            List<Long> leaves = new ArrayList<>(page);
            jdbc.query(sql, (ResultSet rs) -> {
                rows.add(StoredRows.event(rs, 0));
                long leaf = rs.getLong("leaf_index");
                leaves.add(rs.wasNull() ? null : leaf);
            }, after, to, Math.min(page, left));
            if (rows.isEmpty()) {
                break;
            }
            Entitlements entitlements = new Entitlements(store.legalBases());
            FeedSink.Batch out = sink.open();
            for (int i = 0; i < rows.size(); i++) {
                StoredEvent row = rows.get(i);
                SignedEntry entry = row.entry();
                EventMessage<?> event = new GenericEventMessage<>(new SerializedMessage<>(entry.eventId(),
                        new LazyDeserializingObject<>(new SimpleSerializedObject<>(entry.payload(), byte[].class,
                                entry.payloadType(), entry.payloadRevision()), serializer),
                        new LazyDeserializingObject<>(new SimpleSerializedObject<>(entry.metadata(), byte[].class,
                                MetaData.class.getName(), null), serializer)),
                        () -> Instant.parse(entry.timestamp()));
                messages.recordsOf(event, row, leaves.get(i), entitlements, Map.of()).forEach(out::send);
            }
            out.awaitAcknowledged();
            after = rows.get(rows.size() - 1).globalIndex();
            left -= rows.size();
        }
        return n - left;
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
    /** How long Kafka's producer benchmark may take, sending and closing its producer included. */
    private static final Duration PRODUCER_PERFORMANCE_LIMIT = Duration.ofMinutes(5);

    private static double producerPerformance(String bootstrap, String topic, int n, int size) throws Exception {
        String[] args = {"--topic", topic, "--num-records", Integer.toString(n), "--record-size", Integer.toString(size),
            "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
            "enable.idempotence=true", "linger.ms=5", "batch.size=" + 256 * 1024};
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        // on a daemon thread with a time limit: the tool closes its producer without one, and a close
        // that never returns would otherwise hold the benchmark for ever
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread tool = new Thread(() -> {
            try {
                ProducerPerformance.main(args);
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "producer-performance");
        tool.setDaemon(true);
        try {
            tool.start();
            tool.join(PRODUCER_PERFORMANCE_LIMIT.toMillis());
        } finally {
            System.setOut(out);
        }
        if (tool.isAlive()) {
            throw new IllegalStateException("ProducerPerformance did not finish within " + PRODUCER_PERFORMANCE_LIMIT
                    + "; printed so far:\n" + captured.toString(StandardCharsets.UTF_8));
        }
        if (failed.get() != null) {
            throw new IllegalStateException("ProducerPerformance failed", failed.get());
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
