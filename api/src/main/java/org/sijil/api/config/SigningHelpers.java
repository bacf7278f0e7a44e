package org.sijil.api.config;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that sign a group's events beside the worker storing them, one per core, so that
 * several groups can be signed at once; each append uses the worker and at most one helper less
 * than there are cores. Not itself an {@link Executor}, so that Spring's own task executor is not
 * replaced by it.
 */
final class SigningHelpers implements AutoCloseable {

    private final ExecutorService pool;
    private final int perAppend;

    /** @param cores the cores to sign on; positive */
    SigningHelpers(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be positive, got " + cores);
        }
        AtomicInteger made = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(cores, runnable -> {
            Thread thread = new Thread(runnable, "sijil-signing-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.perAppend = cores - 1;
    }

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
        pool.shutdown();
    }
}
