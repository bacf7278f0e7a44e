package org.sijil.api.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            // rwx------, as the application keeps it
            return Files.createTempDirectory(target.toAbsolutePath(), "sijil-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded default's settings for a context whose data lives in {@code data}. */
    public static Map<String, String> settings(Path data) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("sijil.data-dir", data.toString());
        settings.put("sijil.keys-dir", data.resolve("keys").toString());
        settings.put("sijil.master-key-file", data.resolve("keys/master.key").toString());
        settings.put("sijil.embedded-postgres.data-dir", data.resolve("postgres").toString());
        settings.put("sijil.embedded-postgres.port", "0");
        settings.put("sijil.feeds.embedded.port", "0");
        settings.put("sijil.security.dev-issuer.enabled", "true");
        return settings;
    }

    /** Registers {@link #settings} for a test context. */
    public static void register(DynamicPropertyRegistry registry, Path data) {
        settings(data).forEach((key, value) -> registry.add(key, () -> value));
    }

    /**
     * Command-line arguments for an application started by a test itself: a free HTTP port, the
     * {@link #settings}, then {@code more}.
     */
    public static String[] arguments(Path data, String... more) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=0");
        settings(data).forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }
}
