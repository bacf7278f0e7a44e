package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.sijil.api.rfc6962.Rfc9162;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.crypto.entry.SignedEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sequencer puts every stored event in the log exactly once, in contiguous leaves, whatever
 * the order in which concurrent transactions commit and even when it is stopped mid-stream.
 */
class LogSequencerIT extends IntegrationTest {

    private static final String REGISTRAR = "registrar-baghdad";

    @Autowired
    CommandGateway commands;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyEventIsSequencedOnceWhileConcurrentWritesCommitAroundALongTransaction() throws Exception {
        api.token(REGISTRAR);
        // A registration whose transaction stays open for 3 s: its events take global indexes
        // that later registrations commit past, leaving a gap the sequencer must wait for.
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    commands.sendAndWait(birthCommand());
                    sleep(3_000);
                }));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> births = new ArrayList<>();
            for (int i = 0; i < 8 * 25; i++) {
                births.add(CompletableFuture.supplyAsync(() -> register(REGISTRAR, People.adultWoman("BGD")), pool));
            }
            for (CompletableFuture<String> birth : births) {
                birth.get(120, TimeUnit.SECONDS);
            }
            slow.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEveryStoredEventIsOneLeaf();
    }

    @Test
    void stoppingAndRestartingTheSequencerWhileWritesContinueLosesAndDuplicatesNothing() throws Exception {
        api.token(REGISTRAR);
        TrackingEventProcessor sequencer = processing
                .eventProcessor("transparency-log", TrackingEventProcessor.class).orElseThrow();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Integer>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < 4; w++) {
                writers.add(CompletableFuture.supplyAsync(() -> {
                    int n = 0;
                    while (writing.get()) {
                        register(REGISTRAR, People.adultMan("BGD"));
                        n++;
                    }
                    return n;
                }, pool));
            }
            for (int restart = 0; restart < 3; restart++) {
                sleep(700);
                sequencer.shutDown();
                assertThat(sequencer.isRunning()).isFalse();
                sleep(300);
                sequencer.start();
            }
            sleep(500);
        } finally {
            writing.set(false);
            if (!sequencer.isRunning()) {
                sequencer.start();
            }
            pool.shutdown();
        }
        int written = 0;
        for (CompletableFuture<Integer> writer : writers) {
            written += writer.get(60, TimeUnit.SECONDS);
        }
        assertThat(written).isPositive();
        assertEveryStoredEventIsOneLeaf();
    }

    /**
     * Waits (bounded) until the log has caught up with the event store, then checks leaf by leaf:
     * one leaf per stored event, contiguous indexes from 0, the right global index, and a leaf hash
     * equal to the RFC 6962 hash (computed here independently) of the entry rebuilt from the row.
     */
    private void assertEveryStoredEventIsOneLeaf() {
        long events = storedEvents();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (leaves() < events && System.nanoTime() < deadline) {
            sleep(100);
        }
        Map<String, Object> shape = jdbc.queryForMap("SELECT count(*) AS n, count(DISTINCT event_id) AS ids, "
                + "count(DISTINCT global_index) AS globals, min(leaf_index) AS lo, max(leaf_index) AS hi FROM log_leaf");
        long leaves = ((Number) shape.get("n")).longValue();
        assertThat(leaves).isEqualTo(storedEvents());
        assertThat(((Number) shape.get("ids")).longValue()).isEqualTo(leaves);
        assertThat(((Number) shape.get("globals")).longValue()).isEqualTo(leaves);
        assertThat(((Number) shape.get("lo")).longValue()).isZero();
        assertThat(((Number) shape.get("hi")).longValue()).isEqualTo(leaves - 1);

        List<String> mismatches = jdbc.query("SELECT l.leaf_index, l.global_index, l.leaf_hash, e.globalindex, "
                + "e.eventidentifier, e.type, e.aggregateidentifier, e.sequencenumber, e.payloadtype, "
                + "e.payloadrevision, e.timestamp, e.payload, e.metadata, e.signingkeyid "
                + "FROM log_leaf l LEFT JOIN domainevententry e ON e.eventidentifier = l.event_id "
                + "ORDER BY l.leaf_index", (rs, i) -> {
                    if (rs.getString("eventidentifier") == null) {
                        return "leaf " + rs.getLong("leaf_index") + " has no event row";
                    }
                    SignedEntry entry = new SignedEntry(rs.getString("eventidentifier"), rs.getString("type"),
                            rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"),
                            rs.getString("payloadtype"), rs.getString("payloadrevision"), rs.getString("timestamp"),
                            rs.getBytes("payload"), rs.getBytes("metadata"), rs.getString("signingkeyid"));
                    if (rs.getLong("global_index") != rs.getLong("globalindex")) {
                        return "leaf " + rs.getLong("leaf_index") + " has the wrong global index";
                    }
                    if (!Arrays.equals(rs.getBytes("leaf_hash"), Rfc9162.leafHash(entry.encode()))) {
                        return "leaf " + rs.getLong("leaf_index") + " has the wrong leaf hash";
                    }
                    return null;
                }).stream().filter(m -> m != null).toList();
        assertThat(mismatches).isEmpty();
        Long stored = jdbc.queryForObject("SELECT count(*) FROM log_hash", Long.class);
        assertThat(stored).isEqualTo(2 * leaves - Long.bitCount(leaves));
    }

    private long leaves() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM log_leaf", Long.class);
        return n == null ? 0 : n;
    }

    private static RegisterBirthCommand birthCommand() {
        LineageName arabic = new LineageName("يوسف", "علي", "حسين", "الجبوري", "فاطمة", "عباس");
        LineageName latin = new LineageName("Yousif", "Ali", "Hussein", "Al-Jubouri", "Fatima", "Abbas");
        return new RegisterBirthCommand(UUID.randomUUID(), NationalNumber.allocate(new SecureRandom()),
                new PersonName(arabic, null, latin), Sex.MALE, LocalDate.of(2001, 5, 20),
                new Place("BGD", null, "مستشفى اليرموك"), null, null, "BGD-KARKH-01", Instant.now());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
