package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.AccessBasisKind;
import org.sijil.core.api.AccessOutcome;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.RecordAccessCommand;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access history lists the access events a transaction stores with one insert per batch of
 * events, in that transaction. Several access records stored in one unit of work (as a group commit
 * stores them) make one batch; a statement-level trigger, removed afterwards, counts the inserts
 * that list this test's accesses.
 */
class AccessHistoryBatchIT extends IntegrationTest {

    private static final String SUBJECT = "access-history-batch-test";

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionManager transactionManager;

    private String personId;

    @BeforeEach
    void countInserts() {
        personId = register("registrar-baghdad", People.adultWoman("BGD"));
        jdbc.execute("CREATE TABLE sijil_test_history_inserts (rows_listed BIGINT NOT NULL)");
        jdbc.execute("""
                CREATE FUNCTION sijil_test_count_history_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO sijil_test_history_inserts
                        SELECT count(*) FROM listed WHERE subject = '%s' HAVING count(*) > 0;
                    RETURN NULL;
                END $$""".formatted(SUBJECT));
        jdbc.execute("CREATE TRIGGER sijil_test_count_history_inserts AFTER INSERT ON access_history "
                + "REFERENCING NEW TABLE AS listed FOR EACH STATEMENT EXECUTE FUNCTION sijil_test_count_history_inserts()");
    }

    @AfterEach
    void dropCounter() {
        jdbc.execute("DROP TRIGGER sijil_test_count_history_inserts ON access_history");
        jdbc.execute("DROP FUNCTION sijil_test_count_history_inserts()");
        jdbc.execute("DROP TABLE sijil_test_history_inserts");
    }

    @Test
    void accessEventsStoredTogetherAreListedByOneInsertWithEveryField() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<RecordAccessCommand> recorded = List.of(
                new RecordAccessCommand(UUID.randomUUID(), UUID.fromString(personId), SUBJECT, "health", "MINISTRY",
                        "vaccination", AccessBasisKind.CONSENT, "consent-1",
                        List.of(DataCategory.IDENTITY, DataCategory.FAMILY), AccessOutcome.GRANTED, null, at),
                new RecordAccessCommand(UUID.randomUUID(), UUID.fromString(personId), SUBJECT, "health", "MINISTRY",
                        "vaccination", AccessBasisKind.CONSENT, null, List.of(), AccessOutcome.DENIED,
                        "no-consent", at.plusMillis(1)),
                new RecordAccessCommand(UUID.randomUUID(), UUID.fromString(personId), SUBJECT, "BGD-01", "REGISTRAR",
                        null, AccessBasisKind.OFFICIAL_DUTY, null, List.of(DataCategory.values()),
                        AccessOutcome.GRANTED, null, at.plusMillis(2)));

        inOneUnitOfWork(recorded);

        assertThat(jdbc.queryForList("SELECT rows_listed FROM sijil_test_history_inserts", Long.class))
                .containsExactly(3L);
        for (RecordAccessCommand c : recorded) {
            Map<String, Object> row = jdbc.queryForMap("""
                    SELECT h.person_id::text AS person_id, h.subject, h.organisation, h.role, h.purpose, h.basis_kind,
                        h.basis_id, array_to_string(h.categories, ',') AS categories, cardinality(h.categories) AS n,
                        h.outcome, h.reason, h.recorded_at, e.aggregateidentifier
                    FROM access_history h JOIN domainevententry e ON e.eventidentifier = h.event_id
                    WHERE h.access_id = ?""", c.accessId());
            assertThat(row.get("person_id")).isEqualTo(personId);
            assertThat(row.get("aggregateidentifier")).isEqualTo(c.accessId().toString());
            assertThat(row.get("subject")).isEqualTo(SUBJECT);
            assertThat(row.get("organisation")).isEqualTo(c.organisation());
            assertThat(row.get("role")).isEqualTo(c.role());
            assertThat(row.get("purpose")).isEqualTo(c.purpose());
            assertThat(row.get("basis_kind")).isEqualTo(c.basisKind().name());
            assertThat(row.get("basis_id")).isEqualTo(c.basisId());
            assertThat(row.get("categories"))
                    .isEqualTo(String.join(",", c.categories().stream().sorted().map(Enum::name).toList()));
            assertThat(row.get("n")).isEqualTo(c.categories().size());
            assertThat(row.get("outcome")).isEqualTo(c.outcome().name());
            assertThat(row.get("reason")).isEqualTo(c.reason());
            assertThat(((Timestamp) row.get("recorded_at")).toInstant()).isEqualTo(c.recordedAt());
        }
    }

    @Test
    void aRefusedListingRollsBackEveryAccessOfItsBatch() {
        List<RecordAccessCommand> recorded = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            recorded.add(new RecordAccessCommand(UUID.randomUUID(), UUID.fromString(personId), SUBJECT, "health",
                    "MINISTRY", "vaccination-" + i, AccessBasisKind.LEGAL_BASIS, "basis-1",
                    List.of(DataCategory.IDENTITY), AccessOutcome.GRANTED, null, Instant.now()));
        }
        jdbc.execute("""
                CREATE FUNCTION sijil_test_refuse_listing() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.purpose = 'vaccination-1' THEN
                        RAISE EXCEPTION 'access history refused for this test';
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER sijil_test_refuse_listing BEFORE INSERT ON access_history "
                + "FOR EACH ROW EXECUTE FUNCTION sijil_test_refuse_listing()");
        try {
            assertThatThrownBy(() -> inOneUnitOfWork(recorded)).hasStackTraceContaining("access history refused");
        } finally {
            jdbc.execute("DROP TRIGGER sijil_test_refuse_listing ON access_history");
            jdbc.execute("DROP FUNCTION sijil_test_refuse_listing()");
        }
        for (RecordAccessCommand c : recorded) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                    Long.class, c.accessId().toString())).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_history WHERE subject = ?", Long.class, SUBJECT))
                .isZero();
    }

    /** Stores the access records in one transaction, as the commands of one group commit are. */
    private void inOneUnitOfWork(List<RecordAccessCommand> recorded) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        try {
            for (RecordAccessCommand c : recorded) {
                commands.sendAndWait(c);
            }
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }
}
