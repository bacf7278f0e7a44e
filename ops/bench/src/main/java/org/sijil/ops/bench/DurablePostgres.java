package org.sijil.ops.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL as a benchmark runs it for itself, without the application's own: zonky's defaults turn
 * {@code fsync} and {@code synchronous_commit} off, which would make every figure fiction.
 */
public final class DurablePostgres {

    private DurablePostgres() {
    }

    /** An embedded PostgreSQL with {@code fsync} and {@code synchronous_commit} on; add the run's own settings. */
    public static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
    }
}
