package org.sijil.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.sijil.api.SijilApplication;
import org.sijil.api.feed.EmbeddedKafkaBroker;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.consent.RecordLegalBasisCommand;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.crypto.envelope.DecryptionException;
import org.sijil.crypto.envelope.FeedSeal;
import org.sijil.query.feed.FeedPublisher;
import org.sijil.query.feed.FeedRecord;
import org.sijil.query.feed.FeedSink;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application with its embedded KRaft broker, in a data directory of its own (so its
 * PostgreSQL and Kafka never meet the shared integration-test context's), and a fault switch in
 * front of the real producer: {@link Faults#crashAfter(int)} makes the publisher die after that many
 * acknowledged sends, as a process killed mid-batch would. The feed tests share this one context.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = {SijilApplication.class, FeedTestBase.FaultConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class FeedTestBase {

    static final Path DATA = EmbeddedDefaults.newDataDir();
    static final String NOTIFICATIONS = "sijil.notifications";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    Faults faults;

    Api api;

    @DynamicPropertySource
    static void feedDefaults(DynamicPropertyRegistry registry) {
        EmbeddedDefaults.register(registry, DATA);
        registry.add("sijil.feeds.batch-size", () -> "40");
        registry.add("sijil.feeds.ack-timeout", () -> "6s");
    }

    /**
     * When armed, makes the publisher die mid-batch after real sends, as a process killed mid-batch
     * would: the batch's records handed over so far are acknowledged, then it fails. Batches are as
     * large as the processor makes them (a batch may hold fewer events than are waiting), so the
     * switch counts across batches and only ever dies in a batch that has sent something.
     */
    static final class Faults implements FeedSink {
        private final FeedSink real;
        private final AtomicInteger crashAfter = new AtomicInteger(-1);
        private final AtomicReference<String> crashAfterTopic = new AtomicReference<>();
        private final AtomicInteger crashes = new AtomicInteger();

        Faults(FeedSink real) {
            this.real = real;
        }

        /** The publisher sends at least {@code records} more records for real, then dies mid-batch. */
        void crashAfter(int records) {
            crashAfter.set(records);
        }

        /** The publisher dies in the first batch that sends a record to {@code topic}, right after it. */
        void crashAfterSendingTo(String topic) {
            crashAfterTopic.set(topic);
        }

        int crashes() {
            return crashes.get();
        }

        @Override
        public Batch open() {
            Batch batch = real.open();
            return new Batch() {
                private int sent;
                private boolean sentToTopic;

                @Override
                public void send(FeedRecord record) {
                    if (sent > 0 && crashAfter.compareAndSet(0, -1)) {
                        die("publisher killed after " + sent + " acknowledged records of its batch");
                    }
                    dieIfSentToTopic();
                    batch.send(record);
                    sent++;
                    sentToTopic |= record.topic().equals(crashAfterTopic.get());
                    crashAfter.getAndUpdate(n -> n > 0 ? n - 1 : n);
                }

                @Override
                public void awaitAcknowledged() {
                    dieIfSentToTopic();
                    batch.awaitAcknowledged();
                }

                private void dieIfSentToTopic() {
                    String topic = crashAfterTopic.get();
                    if (sentToTopic && topic != null && crashAfterTopic.compareAndSet(topic, null)) {
                        die("publisher killed after sending to " + topic);
                    }
                }

                private void die(String why) {
                    batch.awaitAcknowledged();
                    crashes.incrementAndGet();
                    throw new IllegalStateException(why);
                }
            };
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FaultConfiguration {
        @Bean
        @Primary
        Faults faults(@Qualifier("feedSink") FeedSink real) {
            return new Faults(real);
        }
    }

    @BeforeEach
    void client() {
        api = new Api(port);
        if (!broker.running()) {
            broker.start();
        }
    }

    StreamingEventProcessor feedProcessor() {
        return processing.eventProcessor(FeedPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    /** Registers a birth through HTTP (so the registering office's governorate is in the metadata). */
    String registerOverHttp(String given) {
        Api.Response r = api.post("/api/v1/births", "registrar-baghdad",
                People.birth(given, "MALE", LocalDate.of(2024, 5, 6), "BGD", null, null));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("personId").asText();
    }

    /** Registers a birth with a command, for volume. */
    UUID registerBirth() {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new RegisterBirthCommand(id, NationalNumber.allocate(new SecureRandom()),
                new PersonName(new LineageName("علي", "حسن", "كاظم", "الربيعي", "زهراء", "جعفر"), null,
                        new LineageName("Ali", "Hasan", "Kadhim", "Al-Rubaie", "Zahraa", "Jaafar")),
                Sex.MALE, LocalDate.of(2024, 2, 1), new Place("BGD", null, "مستشفى الكاظمية"), null, null,
                "BGD-KARKH-01", Instant.now()));
        return id;
    }

    void recordLegalBasis(String ministry, String purpose, String... categories) {
        commands.sendAndWait(new RecordLegalBasisCommand(UUID.randomUUID(), "Law 3 of 2016", "Art. " + purpose,
                ministry, List.of(purpose), List.of(categories), LocalDate.of(2020, 1, 1), null, Instant.now()));
    }

    /** Event ids of one person (or any aggregate) in stream order. */
    List<String> eventIdsOf(String aggregateId) {
        return jdbc.queryForList("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", String.class, aggregateId);
    }

    /** A message as read from a topic. */
    record Message(String topic, int partition, long offset, String key, String eventId, JsonNode value,
                   Map<String, String> headers) {
    }

    /** Every message of a topic of this context's broker, from the beginning to its current end. */
    List<Message> read(String topic) {
        return read(broker.bootstrapServers(), topic);
    }

    /** Waits until the topic of this context's broker holds every one of {@code eventIds}; returns its messages. */
    List<Message> awaitAll(String topic, Set<String> eventIds, Duration timeout) throws InterruptedException {
        return awaitAll(broker.bootstrapServers(), topic, eventIds, timeout);
    }

    /** Every message of a topic, from the beginning to its current end. */
    static List<Message> read(String bootstrap, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Message> messages = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading " + topic).isLessThan(deadline);
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                    }
                    messages.add(new Message(r.topic(), r.partition(), r.offset(), r.key(), headers.get("event-id"),
                            Api.JSON.readTree(r.value()), headers));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    /** Waits until the topic holds every one of {@code eventIds}; returns its messages. */
    static List<Message> awaitAll(String bootstrap, String topic, Set<String> eventIds, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Message> messages = read(bootstrap, topic);
            Set<String> seen = new LinkedHashSet<>();
            messages.forEach(m -> seen.add(m.eventId()));
            if (seen.containsAll(eventIds)) {
                return messages;
            }
            if (System.nanoTime() > deadline) {
                Set<String> missing = new LinkedHashSet<>(eventIds);
                missing.removeAll(seen);
                throw new AssertionError(missing.size() + " events never reached " + topic + ": " + missing);
            }
            Thread.sleep(250);
        }
    }

    /** Whether the message's person was erased since it was sent (other tests of this context erase). */
    boolean erased(Message m) {
        JsonNode person = m.value().get("personId");
        return person != null && !person.isNull() && Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM person_data_key WHERE person_id = ?::uuid AND wrapped_key IS NULL)",
                Boolean.class, person.asText()));
    }

    /** The message as its ministry reads it: its sealed part opened with the feed key it fetches. */
    JsonNode opened(Message m) {
        return opened(api, m);
    }

    /**
     * The message with its sealed part opened with the feed key its ministry fetches from the registry
     * ({@code ministry-<ministry>}'s token); a message with nothing sealed as it is.
     */
    static JsonNode opened(Api api, Message m) {
        JsonNode v = m.value();
        if (v.get("sealed") == null || v.get("sealed").isNull()) {
            return v;
        }
        String ministry = v.get("ministry").asText();
        Api.Response key = api.get("/api/v1/ministry/feed-keys/" + v.get("feedKeyId").asText(), "ministry-" + ministry);
        assertThat(key.status()).as("feed key of %s: %s", m.eventId(), key).isEqualTo(200);
        try {
            byte[] part = FeedSeal.open(Base64.getDecoder().decode(key.json().get("key").asText()),
                    Base64.getDecoder().decode(v.get("sealed").asText()), ministry, v.get("personId").asText(),
                    v.get("eventId").asText());
            ObjectNode opened = v.deepCopy();
            opened.remove("sealed");
            opened.setAll((ObjectNode) Api.JSON.readTree(part));
            return opened;
        } catch (DecryptionException | IOException e) {
            throw new AssertionError("the sealed part of " + m.eventId() + " does not open with its key", e);
        }
    }

    /**
     * Whether a notification is of the person's own stream: keyed by the person and of their
     * aggregate (access and consent events are keyed by the person too, but are aggregates of their own).
     */
    static boolean ofPersonsStream(Message m, String person) {
        JsonNode aggregate = m.value().get("aggregateId");
        return person.equals(m.key()) && aggregate != null && person.equals(aggregate.asText());
    }

    /** The messages of one key, de-duplicated by event id (first copy kept), in topic order. */
    static List<String> dedupedEventIds(List<Message> messages, Predicate<Message> which) {
        Set<String> ids = new LinkedHashSet<>();
        messages.stream().filter(which).sorted(java.util.Comparator.comparingLong(Message::offset))
                .forEach(m -> ids.add(m.eventId()));
        return List.copyOf(ids);
    }
}
