package org.sijil.api.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every test context of the whole application sets: a fresh data directory for the embedded
 * PostgreSQL, the keys and the master key, free ports for PostgreSQL and Kafka, and the development
 * token issuer.
 */
public final class EmbeddedDefaults {

    private EmbeddedDefaults() {
    }

    /** A new, empty data directory under {@code target/}. */
    public static Path newDataDir() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Path dir = Files.createTempDirectory(target.toAbsolutePath(), "sijil-it-");
            // run as root, the embedded PostgreSQL drops to an unprivileged user that must reach its data
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers the embedded default's settings for a context whose data lives in {@code data}. */
    public static void register(DynamicPropertyRegistry registry, Path data) {
        registry.add("sijil.data-dir", data::toString);
        registry.add("sijil.keys-dir", () -> data.resolve("keys").toString());
        registry.add("sijil.master-key-file", () -> data.resolve("keys/master.key").toString());
        registry.add("sijil.embedded-postgres.data-dir", () -> data.resolve("postgres").toString());
        registry.add("sijil.embedded-postgres.port", () -> "0");
        registry.add("sijil.feeds.embedded.port", () -> "0");
        registry.add("sijil.security.dev-issuer.enabled", () -> "true");
    }
}
