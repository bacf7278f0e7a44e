package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sijil.api.SijilApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stopped and started again under a small load of writes and reads from a few threads,
 * the application left running: while it is down every request that needs it is answered at once
 * with 503 problem+json; once it is back, writes and reads succeed again, the views and the
 * transparency log catch up, and every birth acknowledged before, during or after the outage is
 * stored.
 *
 * <p>A context of its own (its own data directory, closed after): stopping PostgreSQL under the shared
 * integration-test context would leave its processors backing off into the tests that follow.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = SijilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OutageIT {

    static final Path DATA = EmbeddedDefaults.newDataDir();

    /** How long any answer may take while the database is down. */
    private static final Duration PROMPT = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        EmbeddedDefaults.register(registry, DATA);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile long stoppedAt = Long.MAX_VALUE;
    private volatile long restartingAt = Long.MAX_VALUE;

    @Test
    void answersPromptly503WhileTheDatabaseIsDownAndRecoversWhenItIsBack() throws Exception {
        // the server-side bounds come with every pooled connection (application.yml)
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("1min");
        assertThat(jdbc.queryForObject("SHOW lock_timeout", String.class)).isEqualTo("10s");
        Api.Response registered = api.post("/api/v1/births", "registrar-baghdad", People.adultWoman("BGD"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String before = registered.json().get("personId").asText();
        Postgres postgres = Postgres.of(DATA.resolve("postgres"));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        try {
            clients.add(load.submit(() -> writes(running, "en")));
            clients.add(load.submit(() -> writes(running, "ar")));
            clients.add(load.submit(() -> reads(running, before, "en")));
            clients.add(load.submit(() -> reads(running, before, "ar")));
            Thread.sleep(2_000);
            postgres.stop();
            stoppedAt = System.nanoTime();
            Thread.sleep(12_000);
            restartingAt = System.nanoTime();
            postgres.start();
            Thread.sleep(3_000);
        } finally {
            running.set(false);
            for (Future<?> client : clients) {
                client.get(2, TimeUnit.MINUTES);
            }
            load.shutdown();
        }

        List<Call> during;
        synchronized (calls) {
            during = calls.stream().filter(c -> c.started >= stoppedAt && c.ended <= restartingAt).toList();
        }
        assertThat(during).as("requests while the database was down, of %s", calls).hasSizeGreaterThan(8);
        assertThat(during).as("writes while the database was down").anyMatch(c -> c.write);
        assertThat(during).as("reads while the database was down").anyMatch(c -> !c.write);
        for (Call call : during) {
            assertThat(call.took()).as(call.toString()).isLessThan(PROMPT);
            assertThat(call.status).as(call.toString()).isEqualTo(503);
            assertThat(call.contentType).as(call.toString()).startsWith("application/problem+json");
            assertThat(call.response.json().get("code").asText()).as(call.toString()).isEqualTo("storage.unavailable");
            assertThat(call.response.header("Retry-After")).as(call.toString()).isNotBlank();
            String detail = call.response.json().get("detail").asText();
            if (call.language.equals("ar")) {
                assertThat(detail).as(call.toString()).containsPattern("\\p{IsArabic}");
            } else {
                assertThat(detail).as(call.toString()).doesNotContainPattern("\\p{IsArabic}");
            }
        }

        // back without restarting the application: a write and a read of it, through the command
        // bus, the access record and the person view
        Api.Response birth = awaitStatus(201, () -> api.post("/api/v1/births", "registrar-baghdad",
                People.adultMan("BGD")));
        String after = birth.json().get("personId").asText();
        long position = birth.json().get("position").asLong();
        assertThat(awaitStatus(200, () -> api.get("/api/v1/persons/" + after, "registrar-baghdad")).status())
                .isEqualTo(200);
        assertThat(awaitStatus(200, () -> api.get("/api/v1/person-view/" + after + "?minPosition=" + position,
                "registrar-baghdad")).status()).isEqualTo(200);

        List<String> acknowledged = new ArrayList<>(List.of(before, after));
        synchronized (calls) {
            calls.stream().filter(c -> c.write && c.status == 201)
                    .forEach(c -> acknowledged.add(c.response.json().get("personId").asText()));
        }
        for (String person : acknowledged) {
            Api.Response read = api.get("/api/v1/persons/" + person, "registrar-baghdad");
            assertThat(read.status()).as("acknowledged birth of %s: %s", person, read).isEqualTo(200);
        }
        // the transparency log takes every stored event as a leaf again
        ViewPersonIT.await("the log sequencer to catch up", () -> count("log_leaf") == count("domainevententry"));
    }

    private void writes(AtomicBoolean running, String language) {
        while (running.get()) {
            call(true, language, () -> api.post("/api/v1/births", "registrar-baghdad", People.adultMan("BGD"),
                    "Accept-Language", language));
        }
    }

    private void reads(AtomicBoolean running, String person, String language) {
        while (running.get()) {
            call(false, language, () -> api.get("/api/v1/persons/" + person, "registrar-baghdad",
                    "Accept-Language", language));
            call(false, language, () -> api.get("/api/v1/search?name=" + java.net.URLEncoder.encode("محمد علي",
                    StandardCharsets.UTF_8), "registrar-baghdad", "Accept-Language", language));
        }
    }

    private void call(boolean write, String language, java.util.function.Supplier<Api.Response> request) {
        long started = System.nanoTime();
        Api.Response response = request.get();
        long ended = System.nanoTime();
        calls.add(new Call(write, language, started, ended, response.status(), response.header("Content-Type"),
                response));
        if (response.status() >= 500) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Api.Response awaitStatus(int status, java.util.function.Supplier<Api.Response> request)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Api.Response response = request.get();
        while (response.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(500);
            response = request.get();
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }

    record Call(boolean write, String language, long started, long ended, int status, String contentType,
                Api.Response response) {

        Duration took() {
            return Duration.ofNanos(ended - started);
        }

        @Override
        public String toString() {
            return (write ? "write " : "read ") + language + " in " + took().toMillis() + " ms: " + response;
        }
    }

    /**
     * The application's own embedded PostgreSQL, stopped and started on the same port and data
     * directory with the binaries and options it was started with (its {@code postmaster.opts}).
     */
    record Postgres(Path dataDir, Path bin, String options) {

        static Postgres of(Path dataDir) throws IOException {
            String opts = Files.readString(dataDir.resolve("postmaster.opts")).strip();
            // /…/bin/postgres "-D" "/…/postgres" "-p" "5433" "-c" "fsync=on" …
            int afterBinary = opts.indexOf(' ');
            Path bin = Path.of(opts.substring(0, afterBinary)).getParent();
            String options = opts.substring(afterBinary + 1)
                    .replace("\"-D\" \"" + dataDir.toAbsolutePath() + "\"", "").strip();
            return new Postgres(dataDir.toAbsolutePath(), bin, options);
        }

        void stop() throws IOException, InterruptedException {
            // fast shutdown: open sessions are ended, as when an operator stops the server
            run(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        }

        void start() throws IOException, InterruptedException {
            run(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-o", options, "-l",
                    dataDir.resolveSibling("postgres-restart.log").toString(), "-w", "-t", "60", "start");
        }

        private static void run(String... command) throws IOException, InterruptedException {
            List<String> line = new ArrayList<>();
            // as the application starts it: PostgreSQL refuses to run as root
            if (LinuxUtils.isUnshareAvailable()) {
                line.addAll(List.of("unshare", "-U"));
            }
            line.addAll(List.of(command));
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", line) + " failed: " + output);
            }
        }
    }
}
