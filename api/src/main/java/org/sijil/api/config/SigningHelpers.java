package org.sijil.api.config;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that sign a group's events beside the worker storing them
 * ({@code sijil.group-commit.signing-helpers}); each append uses the worker and at most that many
 * of them. None by default: handing signatures over costs a little CPU per group (about 10 % more
 * per signature, measured on two cores), which only pays when the cores are not already full. Not
 * itself an {@link Executor}, so that Spring's own task executor is not replaced by it.
 */
final class SigningHelpers implements AutoCloseable {

    private final ExecutorService pool;
    private final int perAppend;

    /** @param helpers the most helpers one append uses; 0 for none (no threads are made) */
    SigningHelpers(int helpers) {
        if (helpers < 0) {
            throw new IllegalArgumentException("helpers must not be negative, got " + helpers);
        }
        AtomicInteger made = new AtomicInteger();
        // one more than an append uses, so that two workers' groups can be helped at once
        this.pool = helpers == 0 ? null : Executors.newFixedThreadPool(helpers + 1, runnable -> {
            Thread thread = new Thread(runnable, "sijil-signing-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.perAppend = helpers;
    }

    /** Where helpers run, or {@code null} if there are none. */
    Executor executor() {
        return pool;
    }

    /** The most helpers one append uses besides the storing thread. */
    int perAppend() {
        return perAppend;
    }

    /** Signatures asked for after this are taken by the storing thread alone. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
