package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Reads recorded while other reads and births are recorded at the same moment: a read whose access
 * event the store refuses still fails closed, and only it. The store refuses one person's access
 * events with a temporary trigger, removed afterwards.
 */
class AccessGroupCommitIT extends IntegrationTest {

    private static final int READS = 8;

    @Test
    void concurrentReadsAreEachAnsweredOnlyOnceTheirOwnAccessIsStoredAndTheRefusedOneReturnsNoData()
            throws Exception {
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            persons.add(register("registrar-baghdad", People.adultWoman("BGD")));
        }
        String refused = persons.get(READS / 2);
        String refusedNumber = nationalNumberOf(refused);
        long[] accessesBefore = persons.stream().mapToLong(this::accessEventsOf).toArray();
        jdbc.execute("""
                CREATE FUNCTION sijil_test_refuse_one_access() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.payloadtype LIKE '%%AccessRecordedEvent'
                            AND position(convert_to('%s', 'UTF8') in NEW.payload) > 0 THEN
                        RAISE EXCEPTION 'access events of this person refused for this test';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(refused));
        jdbc.execute("CREATE TRIGGER sijil_test_refuse_one_access BEFORE INSERT ON domainevententry "
                + "FOR EACH ROW EXECUTE FUNCTION sijil_test_refuse_one_access()");
        List<Api.Response> reads = new ArrayList<>();
        List<Api.Response> births = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(READS * 2);
        try {
            api.token("registrar-baghdad");
            CyclicBarrier start = new CyclicBarrier(READS * 2);
            List<CompletableFuture<Api.Response>> readFutures = new ArrayList<>();
            List<CompletableFuture<Api.Response>> birthFutures = new ArrayList<>();
            for (String person : persons) {
                readFutures.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return api.get("/api/v1/persons/" + person, "registrar-baghdad");
                }, clients));
                birthFutures.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return api.post("/api/v1/births", "registrar-baghdad", People.adultMan("BGD"));
                }, clients));
            }
            for (int i = 0; i < READS; i++) {
                reads.add(readFutures.get(i).get());
                births.add(birthFutures.get(i).get());
            }
        } finally {
            clients.shutdownNow();
            jdbc.execute("DROP TRIGGER sijil_test_refuse_one_access ON domainevententry");
            jdbc.execute("DROP FUNCTION sijil_test_refuse_one_access()");
        }
        for (int i = 0; i < READS; i++) {
            Api.Response read = reads.get(i);
            if (persons.get(i).equals(refused)) {
                assertThat(read.status()).as(read.toString()).isEqualTo(503);
                assertThat(read.json().get("code").asText()).isEqualTo("access.not-recorded");
                assertThat(read.body()).doesNotContain(refusedNumber).doesNotContain("زينب");
                assertThat(accessEventsOf(persons.get(i))).isEqualTo(accessesBefore[i]);
            } else {
                assertThat(read.status()).as(read.toString()).isEqualTo(200);
                assertThat(accessEventsOf(persons.get(i))).isEqualTo(accessesBefore[i] + 1);
            }
        }
        assertThat(births).allSatisfy(b -> assertThat(b.status()).as(b.toString()).isEqualTo(201));
        for (Api.Response birth : births) {
            String personId = birth.json().get("personId").asText();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                    Long.class, personId)).isEqualTo(1);
        }
    }

    private long accessEventsOf(String personId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE "
                + "'%AccessRecordedEvent' AND position(convert_to(?, 'UTF8') in payload) > 0 AND eventidentifier "
                + "NOT IN (SELECT event_id FROM access_history WHERE subject = 'kafka-feed')", Long.class, personId);
        return n == null ? 0 : n;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
