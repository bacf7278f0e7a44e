package org.sijil.api.it;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import java.util.UUID;
import org.sijil.api.SijilApplication;
import org.sijil.api.access.PersonStates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on its embedded default — a real PostgreSQL started by the application
 * itself, real signing keys, real HTTP — in a fresh data directory. Subclasses share one context.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = SijilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    static final Path DATA = EmbeddedDefaults.newDataDir();

    @LocalServerPort
    protected int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonStates personStates;

    protected Api api;

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        EmbeddedDefaults.register(registry, DATA);
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /**
     * How many events are stored, but the access records of feed deliveries, which the feed may
     * store at any time for any ministry whose legal bases cover an event of this context.
     */
    long storedEvents() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE eventidentifier NOT IN "
                + "(SELECT event_id FROM access_history WHERE subject = 'kafka-feed')", Long.class);
        return n == null ? 0 : n;
    }

    /** A registered person's national number, from their events: the index holds only keyed hashes. */
    String nationalNumberOf(String personId) {
        return personStates.load(UUID.fromString(personId), "personId").nationalNumber();
    }

    /** Registers a person and returns their id. */
    String register(String registrar, String birthJson) {
        Api.Response r = api.post("/api/v1/births", registrar, birthJson);
        if (r.status() != 201) {
            throw new AssertionError("birth not registered: " + r);
        }
        return r.json().get("personId").asText();
    }

}
