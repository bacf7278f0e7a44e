package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sijil.api.SijilApplication;
import org.sijil.api.feed.EmbeddedKafkaBroker;
import org.sijil.core.api.person.ChangeResidenceCommand;
import org.sijil.core.api.Place;
import org.sijil.core.api.consent.RecordLegalBasisCommand;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * With {@code sijil.feeds.bootstrap-servers} set, the feeds go to that Kafka and Sijil starts no
 * broker of its own: against a separately started KRaft broker (always), and against Testcontainers'
 * Apache Kafka where a Docker engine exists (skipped otherwise). Both run the same checks as
 * {@code FeedIT}'s core ones: every event reaches the notification topic in each person's order with
 * its headers and stored signature, and a ministry's topic gets what its legal basis covers.
 */
class ExternalKafkaIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void feedsTheConfiguredKafkaInsteadOfItsOwn() throws Exception {
        Path dir = EmbeddedDefaults.newDataDir();
        try (EmbeddedKafkaBroker external = new EmbeddedKafkaBroker(dir, "localhost", 0, 0)) {
            external.start();
            feedsInto(external.bootstrapServers());
        }
    }

    @Testcontainers(disabledWithoutDocker = true)
    @Nested
    class WithTestcontainers {

        // the broker version the application is built and tested with (kafka-clients 3.9.1)
        @Container
        private final KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");

        @Test
        void feedsTestcontainersKafka() throws Exception {
            feedsInto(kafka.getBootstrapServers());
        }
    }

    private static void feedsInto(String bootstrap) throws Exception {
        Path data = EmbeddedDefaults.newDataDir();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SijilApplication.class).run(
                EmbeddedDefaults.arguments(data, "--sijil.feeds.bootstrap-servers=" + bootstrap,
                        "--sijil.feeds.batch-size=7"))) {
            assertThat(app.getBeanNamesForType(EmbeddedKafkaBroker.class)).isEmpty();
            assertThat(Files.exists(data.resolve("kafka"))).isFalse();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            CommandGateway commands = app.getBean(CommandGateway.class);
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());

            commands.sendAndWait(new RecordLegalBasisCommand(UUID.randomUUID(), "Law 3 of 2016", "Art. 4",
                    "health", List.of("births-and-deaths"), List.of("IDENTITY"), LocalDate.of(2020, 1, 1), null,
                    Instant.now()));
            // the publisher cuts ministry topics by the bases on file when it publishes: wait for the index
            long indexed = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (jdbc.queryForObject("SELECT count(*) FROM legal_basis_index WHERE ministry = 'health'",
                    Long.class) == 0) {
                assertThat(System.nanoTime()).as("legal basis indexed").isLessThan(indexed);
                Thread.sleep(50);
            }
            List<String> people = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Api.Response r = api.post("/api/v1/births", "registrar-baghdad",
                        People.birth("يوسف", "MALE", LocalDate.of(2024, 5, 6), "BGD", null, null));
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                String person = r.json().get("personId").asText();
                commands.sendAndWait(new ChangeResidenceCommand(UUID.fromString(person), null,
                        new Place("BGD", null, "الكرادة"), LocalDate.of(2024, 9, 1), "BGD-KARKH-01", Instant.now()));
                people.add(person);
            }
            Map<String, String> signatures = new LinkedHashMap<>();
            jdbc.query("SELECT eventidentifier, signature FROM domainevententry ORDER BY globalindex",
                    rs -> {
                        signatures.put(rs.getString(1), Base64.getEncoder().encodeToString(rs.getBytes(2)));
                    });

            List<FeedTestBase.Message> notifications = FeedTestBase.awaitAll(bootstrap, "sijil.notifications",
                    signatures.keySet(), WAIT);
            // and the access records of deliveries to health stored meanwhile
            jdbc.query("SELECT eventidentifier, signature FROM domainevententry ORDER BY globalindex",
                    rs -> {
                        signatures.put(rs.getString(1), Base64.getEncoder().encodeToString(rs.getBytes(2)));
                    });

            for (FeedTestBase.Message m : notifications) {
                Map<String, String> headers = m.headers();
                assertThat(headers).containsKeys("event-id", "event-type", "key-id", "global-index");
                assertThat(headers.get("signature")).isEqualTo(signatures.get(headers.get("event-id")));
                assertThat(m.value().toString()).doesNotContain("يوسف");
            }
            for (String person : people) {
                List<String> stream = jdbc.queryForList("SELECT eventidentifier FROM domainevententry "
                        + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.class, person);
                Set<String> delivered = new LinkedHashSet<>();
                // the person's own stream: the access records of deliveries to health share the key
                notifications.stream().filter(m -> person.equals(m.key()))
                        .filter(m -> !"AccessRecordedEvent".equals(m.headers().get("event-type")))
                        .forEach(m -> delivered.add(m.eventId()));
                assertThat(List.copyOf(delivered)).as("person %s in stream order", person).isEqualTo(stream);
            }

            // the births registered after the basis was on file (demo data from start-up came before it)
            Set<String> births = new LinkedHashSet<>();
            for (String person : people) {
                births.add(jdbc.queryForObject("SELECT eventidentifier FROM domainevententry"
                        + " WHERE aggregateidentifier = ? AND sequencenumber = 0", String.class, person));
            }
            for (FeedTestBase.Message m : FeedTestBase.awaitAll(bootstrap, "sijil.ministry.health", births, WAIT)) {
                JsonNode v = FeedTestBase.opened(api, m);
                assertThat(v.get("eventType").asText()).as("health covers IDENTITY only: births, no moves")
                        .isEqualTo("BirthRegisteredEvent");
                if (!births.contains(m.eventId())) {
                    continue;
                }
                assertThat(v.get("data").get("name").get("arabic").get("given").asText()).isEqualTo("يوسف");
                assertThat(v.get("withheld").toString()).contains("motherId", "fatherId");
            }
        }
    }
}
