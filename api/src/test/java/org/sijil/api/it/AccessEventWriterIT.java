package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.EventTypes;
import org.sijil.store.AccessEventWriter;
import org.sijil.store.read.AccessListing;
import org.sijil.store.StoreProperties;
import org.sijil.api.access.AccessNotRecordedException;
import org.sijil.api.access.AccessRecorder;
import org.sijil.store.SijilEventStore;
import org.sijil.api.security.Caller;
import org.sijil.store.EventLedger;
import org.sijil.core.api.access.AccessBasisKind;
import org.sijil.core.api.access.AccessOutcome;
import org.sijil.core.api.access.AccessRecordedEvent;
import org.sijil.core.api.DataCategory;
import org.sijil.store.SigningAppendEventsStatementBuilder;
import org.sijil.crypto.sign.KeyRing;
import org.sijil.crypto.sign.SigningKey;
import org.sijil.store.read.StoredEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Access events are stored without the command bus: each read's event, signed, and its row in the
 * access history by one statement that commits on its own; a search's records all or none, by one
 * transaction when they outgrow a statement; counted as stored or failed; and the event store's
 * shared reader is woken once they are stored. Statement-level triggers, removed afterwards, record which statements and
 * transactions stored this test's rows.
 */
class AccessEventWriterIT extends IntegrationTest {

    private static final String SUBJECT = "access-event-writer-test";
    private static final Caller MINISTRY = new Caller(SUBJECT, Set.of("MINISTRY"), null, null, "health", null, null);

    @Autowired
    AccessRecorder recorder;

    @Autowired
    EventLedger ledger;

    @Autowired
    Supplier<KeyRing> keyRing;

    @Autowired
    ObjectMapper json;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Autowired
    Supplier<SigningKey> activeSigningKey;

    @Autowired
    StoreProperties properties;

    @Autowired
    Supplier<AccessListing> listings;

    @Autowired
    SijilEventStore eventStore;

    private UUID personId;

    @BeforeEach
    void recordStatements() {
        personId = UUID.fromString(register("registrar-baghdad", People.adultWoman("BGD")));
        jdbc.execute("CREATE TABLE sijil_test_statements (table_name TEXT NOT NULL, statement_at TIMESTAMPTZ NOT NULL, "
                + "transaction_id BIGINT NOT NULL, test_rows BIGINT NOT NULL)");
        jdbc.execute("""
                CREATE FUNCTION sijil_test_record_statement() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'access_history' THEN
                        INSERT INTO sijil_test_statements SELECT TG_TABLE_NAME, statement_timestamp(), txid_current(),
                            count(*) FROM written WHERE subject = '%1$s' HAVING count(*) > 0;
                    ELSE
                        INSERT INTO sijil_test_statements SELECT TG_TABLE_NAME, statement_timestamp(), txid_current(),
                            count(*) FROM written WHERE position(convert_to('%1$s', 'UTF8') in payload) > 0
                            HAVING count(*) > 0;
                    END IF;
                    RETURN NULL;
                END $$""".formatted(SUBJECT));
        for (String table : List.of("access_history", "domainevententry")) {
            jdbc.execute("CREATE TRIGGER sijil_test_record_statement AFTER INSERT ON " + table + " REFERENCING NEW "
                    + "TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION sijil_test_record_statement()");
        }
    }

    @AfterEach
    void dropRecorder() {
        for (String table : List.of("access_history", "domainevententry")) {
            jdbc.execute("DROP TRIGGER sijil_test_record_statement ON " + table);
        }
        jdbc.execute("DROP FUNCTION sijil_test_record_statement()");
        jdbc.execute("DROP TABLE sijil_test_statements");
    }

    @Test
    void readsRecordedTogetherAreStoredSignedAndListedByOneStatementWithEveryField() throws Exception {
        List<AccessRecorder.Entry> entries = List.of(
                AccessRecorder.Entry.granted(personId, "MINISTRY", "vaccination", AccessBasisKind.CONSENT,
                        "consent-1", List.of(DataCategory.FAMILY, DataCategory.IDENTITY)),
                AccessRecorder.Entry.denied(personId, "MINISTRY", "vaccination", AccessBasisKind.CONSENT,
                        "no-consent"),
                AccessRecorder.Entry.granted(personId, "MINISTRY", null, AccessBasisKind.LEGAL_BASIS, "basis-1",
                        List.of(DataCategory.values())));

        List<UUID> ids = recorder.recordAll(MINISTRY, entries);

        List<Map<String, Object>> statements = jdbc.queryForList(
                "SELECT table_name, statement_at, transaction_id, test_rows FROM sijil_test_statements ORDER BY 1");
        assertThat(statements).extracting(s -> s.get("table_name") + ":" + s.get("test_rows"))
                .containsExactly("access_history:3", "domainevententry:3");
        assertThat(statements.get(0).get("statement_at")).isEqualTo(statements.get(1).get("statement_at"));
        assertThat(statements.get(0).get("transaction_id")).isEqualTo(statements.get(1).get("transaction_id"));
        for (int i = 0; i < ids.size(); i++) {
            AccessRecorder.Entry entry = entries.get(i);
            Map<String, Object> row = jdbc.queryForMap("""
                    SELECT h.person_id::text AS person_id, h.event_id, h.subject, h.organisation, h.role, h.purpose,
                        h.basis_kind, h.basis_id, array_to_string(h.categories, ',') AS categories,
                        cardinality(h.categories) AS n, h.outcome, h.reason, h.recorded_at
                    FROM access_history h WHERE h.access_id = ?""", ids.get(i));
            assertThat(row.get("person_id")).isEqualTo(personId.toString());
            assertThat(row.get("subject")).isEqualTo(SUBJECT);
            assertThat(row.get("organisation")).isEqualTo("health");
            assertThat(row.get("role")).isEqualTo(entry.role());
            assertThat(row.get("purpose")).isEqualTo(entry.purpose());
            assertThat(row.get("basis_kind")).isEqualTo(entry.basisKind().name());
            assertThat(row.get("basis_id")).isEqualTo(entry.basisId());
            assertThat(row.get("categories"))
                    .isEqualTo(String.join(",", entry.categories().stream().sorted().map(Enum::name).toList()));
            assertThat(row.get("n")).isEqualTo(entry.categories().size());
            assertThat(row.get("outcome")).isEqualTo(entry.outcome().name());
            assertThat(row.get("reason")).isEqualTo(entry.reason());

            StoredEvent stored = ledger.event((String) row.get("event_id")).orElseThrow();
            assertThat(stored.entry().aggregateType()).isEqualTo("Access");
            assertThat(stored.entry().aggregateId()).isEqualTo(ids.get(i).toString());
            assertThat(stored.entry().sequenceNumber()).isZero();
            assertThat(stored.entry().payloadType()).isEqualTo(EventTypes.storedName(AccessRecordedEvent.class));
            assertThat(json.readTree(stored.entry().payload()).get("accessId").asText())
                    .isEqualTo(ids.get(i).toString());
            assertThat(((Timestamp) row.get("recorded_at")).toInstant().truncatedTo(ChronoUnit.MILLIS))
                    .isEqualTo(Instant.parse(stored.entry().timestamp()));
            JsonNode metadata = json.readTree(stored.entry().metadata());
            assertThat(metadata.get("officer").asText()).isEqualTo(SUBJECT);
            assertThat(metadata.get("officerRole").asText()).isEqualTo("MINISTRY");
            keyRing.get().verify(stored.entry().keyId(), stored.entry().encode(), stored.signature());
        }
    }

    @Test
    void aRefusedListingRefusesEveryReadRecordedWithIt() {
        List<AccessRecorder.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(AccessRecorder.Entry.granted(personId, "MINISTRY", "vaccination-" + i,
                    AccessBasisKind.LEGAL_BASIS, "basis-1", List.of(DataCategory.IDENTITY)));
        }
        long before = storedEvents();
        refusingListingOf("vaccination-1", () -> assertThatThrownBy(() -> recorder.recordAll(MINISTRY, entries))
                .isInstanceOf(AccessNotRecordedException.class).hasStackTraceContaining("access history refused"));
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_history WHERE subject = ?", Long.class, SUBJECT))
                .isZero();
    }

    @Test
    void moreReadsThanOneStatementHoldsAreRecordedInOneTransactionAllOrNone() {
        int count = SigningAppendEventsStatementBuilder.MAX_ROWS + 44;
        List<AccessRecorder.Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(AccessRecorder.Entry.officialDuty(personId, "REGISTRAR", "search-" + i,
                    List.of(DataCategory.IDENTITY)));
        }
        long before = storedEvents();
        refusingListingOf("search-" + (count - 1), () -> assertThatThrownBy(() -> recorder.recordAll(MINISTRY,
                entries)).isInstanceOf(AccessNotRecordedException.class));
        assertThat(storedEvents()).isEqualTo(before);

        List<UUID> ids = recorder.recordAll(MINISTRY, entries);

        assertThat(storedEvents()).isEqualTo(before + count);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_history WHERE access_id = ANY(?::uuid[])",
                Long.class, (Object) ids.stream().map(UUID::toString).toArray(String[]::new))).isEqualTo(count);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT transaction_id) FROM sijil_test_statements",
                Long.class)).isEqualTo(1);
    }

    /**
     * Access events are counted as stored or failed; inside a caller's transaction, as it ends. A
     * writer of the test's own, with a meter registry of its own, so that the feed's delivery records,
     * which the application may store meanwhile, are not counted with them.
     */
    @Test
    void storesAreCountedAsStoredOrFailedAndInATransactionAsItEnds() {
        MeterRegistry meters = new SimpleMeterRegistry();
        AccessEventWriter writer = writer(eventStore, meters);
        long before = storedEvents();

        writer.store(List.of(written("counted-1"), written("counted-2")));
        refusingListingOf("refused", () -> assertThatThrownBy(() -> writer.store(List.of(written("refused"),
                written("counted-3")))).hasStackTraceContaining("access history refused"));

        assertThat(storedEvents()).isEqualTo(before + 2);
        assertThat(records(meters, "stored")).isEqualTo(2);
        assertThat(records(meters, "failed")).isEqualTo(2);
        assertThat(meters.get(AccessEventWriter.STORE_TIME).timer().count()).isEqualTo(1);

        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            writer.store(List.of(written("rolled-back")));
            assertThat(records(meters, "stored")).as("not before the commit").isEqualTo(2);
            status.setRollbackOnly();
        });
        assertThat(storedEvents()).isEqualTo(before + 2);
        assertThat(records(meters, "failed")).isEqualTo(3);

        transaction.executeWithoutResult(status -> writer.store(List.of(written("committed"))));
        assertThat(storedEvents()).isEqualTo(before + 3);
        assertThat(records(meters, "stored")).isEqualTo(3);
    }

    /**
     * A reader whose shared stream fetches on its own only once a minute still gets an access event
     * at once: storing it wakes the event store it was written for.
     */
    @Test
    void storingWakesTheEventStoresSharedReader(@Autowired EventStorageEngine engine) throws Exception {
        SijilEventStore store = new SijilEventStore(EmbeddedEventStore.builder().storageEngine(engine)
                .fetchDelay(60_000));
        try (TrackingEventStream stream = store.openStream(engine.createHeadToken())) {
            // the stream joins the shared reader, which fetches once and then waits
            stream.hasNextAvailable(300, TimeUnit.MILLISECONDS);
            AccessEventWriter.Written read = written("vaccination");

            writer(store, new SimpleMeterRegistry()).store(List.of(read));

            // the application's own events (its feed's delivery records) may come first
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean delivered = false;
            while (!delivered && System.nanoTime() < deadline
                    && stream.hasNextAvailable((int) TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()),
                    TimeUnit.MILLISECONDS)) {
                delivered = read.event().equals(stream.nextAvailable().getPayload());
            }
            assertThat(delivered).as("delivered well within the fetch delay").isTrue();
        } finally {
            store.shutDown();
        }
    }

    /** A writer of the test's own: it wakes {@code store} and counts in {@code meters}. */
    private AccessEventWriter writer(SijilEventStore store, MeterRegistry meters) {
        return new AccessEventWriter(jdbc, transactions, serializer, activeSigningKey, properties, listings, store,
                meters);
    }

    /** The access events {@code meters} counted with this outcome. */
    private static double records(MeterRegistry meters, String outcome) {
        return meters.get(AccessEventWriter.RECORDS).tag("outcome", outcome).counter().count();
    }

    /** A granted read of the test's person by the test's reader, for this purpose. */
    private AccessEventWriter.Written written(String purpose) {
        return new AccessEventWriter.Written(new AccessRecordedEvent(UUID.randomUUID(), personId, SUBJECT, "health",
                "MINISTRY", purpose, AccessBasisKind.LEGAL_BASIS, "basis-1", List.of(DataCategory.IDENTITY),
                AccessOutcome.GRANTED, null, Instant.now()), SUBJECT, "MINISTRY");
    }

    /** Runs {@code action} while the access history refuses the row with this purpose. */
    private void refusingListingOf(String purpose, Runnable action) {
        jdbc.execute("""
                CREATE FUNCTION sijil_test_refuse_listing() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.purpose = '%s' THEN
                        RAISE EXCEPTION 'access history refused for this test';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(purpose));
        jdbc.execute("CREATE TRIGGER sijil_test_refuse_listing BEFORE INSERT ON access_history "
                + "FOR EACH ROW EXECUTE FUNCTION sijil_test_refuse_listing()");
        try {
            action.run();
        } finally {
            jdbc.execute("DROP TRIGGER sijil_test_refuse_listing ON access_history");
            jdbc.execute("DROP FUNCTION sijil_test_refuse_listing()");
        }
    }
}
