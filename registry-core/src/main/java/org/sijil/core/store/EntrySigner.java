package org.sijil.core.store;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.crypto.sign.SigningKey;

/**
 * Signs the entries of one append, each with its own Ed25519 signature over its own encoded bytes,
 * on the calling thread and on up to {@code helpers} threads of an executor at once. Signing is
 * pure computation over bytes already fixed, so only it leaves the calling thread: serializing and
 * sealing the events, which use the caller's unit of work and transaction, stay there.
 *
 * <p>The entries are claimed one at a time by whichever thread is free, the caller included, and
 * the caller returns once every entry is signed. It never waits for a helper that has not started:
 * a helper that starts late finds nothing left to claim, and a helper refused by the executor (shut
 * down, say) only leaves more for the caller. Thread-safe.
 */
final class EntrySigner {

    /** Signs everything on the calling thread. */
    static final EntrySigner SEQUENTIAL = new EntrySigner(null, 0);

    private final Executor executor;
    private final int helpers;

    /**
     * @param executor where helpers run; null signs on the calling thread only
     * @param helpers  the most helpers one append asks for; not negative
     */
    EntrySigner(Executor executor, int helpers) {
        if (helpers < 0) {
            throw new IllegalArgumentException("helpers must not be negative, got " + helpers);
        }
        this.executor = executor;
        this.helpers = executor == null ? 0 : helpers;
    }

    /**
     * @param key     the key to sign with; not null
     * @param entries the entries to sign; not null
     * @return the signature of {@code entries.get(i)} at index {@code i}
     * @throws RuntimeException the first exception (or error) signing any entry threw
     */
    byte[][] sign(SigningKey key, List<SignedEntry> entries) {
        Objects.requireNonNull(key, "key");
        int count = entries.size();
        byte[][] signatures = new byte[count][];
        int asked = Math.min(helpers, count - 1);
        if (asked <= 0) {
            for (int i = 0; i < count; i++) {
                signatures[i] = key.sign(entries.get(i).encode());
            }
            return signatures;
        }
        Work work = new Work(key, entries, signatures);
        for (int i = 0; i < asked; i++) {
            try {
                executor.execute(work::signWhatIsLeft);
            } catch (RejectedExecutionException refused) {
                break;
            }
        }
        work.signWhatIsLeft();
        work.awaitAll();
        return signatures;
    }

    /** One append's entries, claimed one by one by the threads signing them. */
    private static final class Work {
        private final SigningKey key;
        private final List<SignedEntry> entries;
        private final byte[][] signatures;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch done;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Work(SigningKey key, List<SignedEntry> entries, byte[][] signatures) {
            this.key = key;
            this.entries = entries;
            this.signatures = signatures;
            this.done = new CountDownLatch(entries.size());
        }

        void signWhatIsLeft() {
            for (int i = next.getAndIncrement(); i < signatures.length; i = next.getAndIncrement()) {
                try {
                    signatures[i] = key.sign(entries.get(i).encode());
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    // the latch also publishes the signature to the caller
                    done.countDown();
                }
            }
        }

        /** Waits for the entries claimed by helpers; each of them is already being signed. */
        void awaitAll() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable e = failure.get();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e instanceof Error error) {
                throw error;
            }
        }
    }
}
