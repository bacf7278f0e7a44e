package org.sijil.ops.bench;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sijil.api.SijilApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How every benchmark starts the application: the real one, in this process, its data and keys in a
 * directory of the benchmark's, every port chosen free, so that runs never meet a server already up.
 * Settings go in as command-line arguments, which win over the application's own
 * {@code application.yml} (default properties would not).
 *
 * <pre>
 * ConfigurableApplicationContext app = BenchApplication.embedded(BenchApplication.dataDirectory("sijil-x-"))
 *         .set("sijil.query.segments", 2)
 *         .start();
 * </pre>
 */
public final class BenchApplication {

    /** Where the application's log goes when {@link #logToFile} is called; read by {@code bench-logback.xml}. */
    private static final String LOG_FILE_PROPERTY = "sijil.bench.log";
    private static final String FILE_LOGGING = "bench-logback.xml";

    private final List<Class<?>> sources = new ArrayList<>(List.of(SijilApplication.class));
    private final Map<String, String> settings = new LinkedHashMap<>();

    private BenchApplication(Path dir) {
        set("server.port", 0);
        set("sijil.data-dir", dir);
        set("sijil.keys-dir", dir.resolve("keys"));
        set("sijil.master-key-file", dir.resolve("keys/master.key"));
        set("sijil.feeds.embedded.port", 0);
        set("logging.level.root", "WARN");
    }

    /**
     * On its embedded default: its own PostgreSQL (fsync and synchronous commit on) in
     * {@code dir/postgres} and its own Kafka broker, as the README's run command starts it.
     */
    public static BenchApplication embedded(Path dir) {
        return new BenchApplication(dir)
                .set("sijil.embedded-postgres.data-dir", dir.resolve("postgres"))
                .set("sijil.embedded-postgres.port", 0);
    }

    /** On a database of a PostgreSQL the benchmark runs itself, as user {@code postgres}. */
    public static BenchApplication onDatabase(String jdbcUrl, Path dir) {
        return new BenchApplication(dir)
                .set("spring.datasource.url", jdbcUrl)
                .set("spring.datasource.username", "postgres");
    }

    /** Sets one of the application's settings, replacing what this class or application.yml gives it. */
    public BenchApplication set(String key, Object value) {
        settings.put(key, value.toString());
        return this;
    }

    /** Adds beans that exist only in the benchmark's context, such as a baseline's endpoints. */
    public BenchApplication with(Class<?>... extra) {
        sources.addAll(List.of(extra));
        return this;
    }

    public ConfigurableApplicationContext start() {
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplication(sources.toArray(Class<?>[]::new)).run(args);
    }

    /** A fresh directory for one run's data, readable by the embedded PostgreSQL's own processes. */
    public static Path dataDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /**
     * Sends this process's log, the application's included, to {@code file} instead of the console,
     * so that a slow terminal cannot skew the figures. Call it before anything logs.
     */
    public static void logToFile(Path file) {
        System.setProperty(LOG_FILE_PROPERTY, file.toString());
        // logback reads the first, before the application starts; Spring Boot the second, when it does
        System.setProperty("logback.configurationFile", FILE_LOGGING);
        System.setProperty("logging.config", "classpath:" + FILE_LOGGING);
    }

    /**
     * Keeps this process's log to warnings and errors, for a benchmark that runs PostgreSQL without the
     * application, whose own settings would do the same.
     */
    public static void logWarningsOnly() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
}
