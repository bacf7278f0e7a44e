package org.sijil.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.crypto.sign.SigningKey;

/**
 * Signatures taken on several threads: each entry gets the signature of its own bytes, at its own
 * index, the one the calling thread alone would have taken (Ed25519 is deterministic).
 */
class EntrySignerTest {

    private static final SigningKey KEY = SigningKey.generate(new SecureRandom());

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void signsThreeAndTwoHundredFiftySevenEntriesInOrderAsTheCallingThreadAloneWould() throws InterruptedException {
        Set<String> signingThreads = ConcurrentHashMap.newKeySet();
        EntrySigner parallel = new EntrySigner(runnable -> pool.execute(() -> {
            signingThreads.add(Thread.currentThread().getName());
            runnable.run();
        }), 2);
        for (int count : new int[] {3, 257}) {
            List<SignedEntry> entries = entries(count);

            byte[][] signatures = parallel.sign(KEY, entries);

            byte[][] alone = EntrySigner.SEQUENTIAL.sign(KEY, entries);
            assertThat(signatures.length).isEqualTo(count);
            for (int i = 0; i < count; i++) {
                assertThat(KEY.verificationKey().verify(entries.get(i).encode(), signatures[i]))
                        .as("signature %d of %d", i, count).isTrue();
                assertThat(signatures[i]).as("signature %d of %d", i, count).isEqualTo(alone[i]);
            }
            // another entry's signature must not verify: each is over its own bytes
            assertThat(KEY.verificationKey().verify(entries.get(0).encode(), signatures[1])).isFalse();
        }
        // helpers may start after the caller has signed everything: let them run before looking
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(signingThreads).as("helpers asked for").isNotEmpty();
    }

    @Test
    @Timeout(30) // waiting for a helper that cannot start would hang here
    void theCallingThreadSignsEverythingWhenNoHelperStarts() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        // helpers that are stuck behind other work until the caller has returned
        ExecutorService busy = Executors.newSingleThreadExecutor();
        try {
            busy.execute(() -> await(release));
            EntrySigner parallel = new EntrySigner(busy, 2);
            List<SignedEntry> entries = entries(5);

            byte[][] signatures = parallel.sign(KEY, entries);

            for (int i = 0; i < entries.size(); i++) {
                assertThat(KEY.verificationKey().verify(entries.get(i).encode(), signatures[i])).isTrue();
            }
        } finally {
            release.countDown();
            busy.shutdown();
            assertThat(busy.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aRefusingExecutorLeavesTheWorkToTheCallingThread() {
        pool.shutdown();
        EntrySigner parallel = new EntrySigner(pool, 2);
        List<SignedEntry> entries = entries(4);

        byte[][] signatures = parallel.sign(KEY, entries);

        assertThat(signatures.length).isEqualTo(4);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(KEY.verificationKey().verify(entries.get(i).encode(), signatures[i])).isTrue();
        }
    }

    @Test
    void aFailureSigningAnyEntryIsThrownToTheCaller() {
        EntrySigner parallel = new EntrySigner(pool, 2);
        List<SignedEntry> entries = new ArrayList<>(entries(64));
        entries.set(40, null);

        assertThatThrownBy(() -> parallel.sign(KEY, entries)).isInstanceOf(NullPointerException.class);
    }

    private static List<SignedEntry> entries(int count) {
        List<SignedEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new SignedEntry("event-" + i, "Person", "6f1c2b9e-0d2a-4c3e-9b8a-1f2e3d4c5b6a", i,
                    "org.sijil.core.api.BirthRegisteredEvent", "1", "2025-03-02T09:15:30Z",
                    ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                    KEY.keyId()));
        }
        return entries;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
