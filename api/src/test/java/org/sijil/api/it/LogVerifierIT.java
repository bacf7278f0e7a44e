package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.ops.verifier.VerifierCli;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auditor's verifier ({@code ops/verifier}, run in-process) against the real application:
 * events registered over HTTP, keys and verifier key fetched over HTTP as an auditor would, the
 * live PostgreSQL verified, a bundle exported and verified offline, and a person reconstructed as
 * of a moment between two of their events. Also: a row committed late below rows already logged
 * is in flight, not a hole, while the sequencer has not passed it.
 */
class LogVerifierIT extends IntegrationTest {

    private static final String REGISTRAR = "registrar-baghdad";

    @Autowired
    DataSource dataSource;

    @Autowired
    CommandGateway commands;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    EventProcessingConfiguration processing;

    @TempDir
    Path dir;

    private String jdbcUrl;
    private Path keys;
    private Path logKey;
    private String out;
    private String err;

    @BeforeEach
    void auditorInputs() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            jdbcUrl = connection.getMetaData().getURL();
        }
        keys = Files.writeString(dir.resolve("keys.json"), api.get("/api/v1/keys", null).body());
        logKey = Files.writeString(dir.resolve("log.vkey"), api.get("/api/v1/log/verifier-key", null).body());
    }

    @Test
    void verifiesTheLiveDatabaseAndAnExportedBundleAndReconstructsAPersonAsOfAnEarlierTime() throws Exception {
        String person = register(REGISTRAR, People.adultMan("BGD"));
        sleep(50);
        Api.Response renamed = api.post("/api/v1/persons/" + person + "/name-changes", REGISTRAR, """
                {"newName": {"arabic": {"given": "كرار", "father": "محمد", "grandfather": "علي",
                             "motherGiven": "زينب", "maternalGrandfather": "علي"}},
                 "effectiveDate": "2022-03-01", "legalReference": "قرار محكمة الأحوال الشخصية 2022/118"}
                """);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        register(REGISTRAR, People.adultWoman("BGD"));
        List<Instant> registered = jdbc.queryForList("SELECT timestamp FROM domainevententry "
                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.class, person)
                .stream().map(Instant::parse).toList();
        assertThat(registered).hasSize(2);
        Instant between = registered.get(0).plus(Duration.between(registered.get(0), registered.get(1)).dividedBy(2));
        assertThat(between).isAfter(registered.get(0)).isBefore(registered.get(1));
        awaitCheckpointOf(storedEvents());

        assertThat(verifier("verify", "--jdbc-url", jdbcUrl, "--user", "postgres", "--password", password(), "--keys", keys.toString(),
                "--log-key", "@" + logKey, "--quiet")).as(out + err).isZero();
        assertThat(out).startsWith("OK trail verified: " + storedEvents() + " events");
        assertThat(out).contains("event rows:  " + storedEvents() + " (" + storedEvents() + " logged, 0 not yet sequenced)");

        Path bundle = dir.resolve("trail.zip");
        assertThat(verifier("export", "--jdbc-url", jdbcUrl, "--user", "postgres", "--password", password(), "--out", bundle.toString(),
                "--keys", keys.toString(), "--log-key", "@" + logKey, "--with-data-keys")).as(out + err).isZero();
        assertThat(out).startsWith("exported ");
        assertThat(verifier("verify", "--bundle", bundle.toString(), "--keys", keys.toString(),
                "--log-key", "@" + logKey, "--quiet")).as(out + err).isZero();
        assertThat(out).startsWith("OK trail verified: ");

        Path masterKey = DATA.resolve("keys/master.key");
        for (String[] source : List.of(new String[] {"--jdbc-url", jdbcUrl, "--user", "postgres", "--password", password()},
                new String[] {"--bundle", bundle.toString()})) {
            List<String> args = new ArrayList<>(List.of("reconstruct"));
            args.addAll(List.of(source));
            args.addAll(List.of("--keys", keys.toString(), "--person", person, "--as-of", between.toString(),
                    "--master-key", masterKey.toString()));
            assertThat(verifier(args.toArray(String[]::new))).as(out + err).isZero();
            assertThat(out).contains("events folded:").contains("1 of 2").contains("محمد").doesNotContain("كرار")
                    .doesNotContain("<sealed>").contains("signatures:      all 2 verified");

            args.set(args.indexOf(between.toString()), registered.get(1).toString());
            assertThat(verifier(args.toArray(String[]::new))).as(out + err).isZero();
            assertThat(out).contains("2 of 2").contains("كرار");
        }
    }

    @Test
    void aRowCommittedLateBelowLoggedRowsIsInFlightUntilTheSequencerReachesIt() throws Exception {
        api.token(REGISTRAR);
        TrackingEventProcessor sequencer = processing
                .eventProcessor("transparency-log", TrackingEventProcessor.class).orElseThrow();
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A registration whose transaction stays open: its row takes a global index that a later
        // registration commits past, and the sequencer logs the later one around the gap.
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    commands.sendAndWait(birthCommand());
                    stored.countDown();
                    await(release);
                }));
        try {
            assertThat(stored.await(60, TimeUnit.SECONDS)).isTrue();
            String later = register(REGISTRAR, People.adultWoman("BGD"));
            awaitLogged(later);
            sequencer.shutDown();
        } finally {
            release.countDown();
        }
        slow.get(60, TimeUnit.SECONDS);
        try {
            // Now committed below a logged row, and the sequencer stopped before reaching it.
            long unlogged = storedEvents() - leaves();
            assertThat(unlogged).isPositive();
            assertThat(verifier("verify", "--jdbc-url", jdbcUrl, "--user", "postgres", "--password", password(), "--keys", keys.toString(),
                    "--log-key", "@" + logKey, "--quiet")).as(out + err).isZero();
            assertThat(out).contains(" " + unlogged + " not yet sequenced)");
        } finally {
            sequencer.start();
        }
        awaitCheckpointOf(storedEvents());
        assertThat(verifier("verify", "--jdbc-url", jdbcUrl, "--user", "postgres", "--password", password(), "--keys", keys.toString(),
                "--log-key", "@" + logKey, "--quiet")).as(out + err).isZero();
        assertThat(out).contains("event rows:  " + storedEvents() + " (" + storedEvents() + " logged, 0 not yet sequenced)");
    }

    @Test
    void namesEveryAccessHistoryRowMissingExtraOrAlteredAgainstTheSignedAccessEvents() throws Exception {
        String person = register(REGISTRAR, People.adultMan("BGD"));
        Api.Response read = api.get("/api/v1/persons/" + person, "registrar-ninawa", "X-Purpose", "file 2025/118");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        Map<String, Object> row = jdbc.queryForMap("SELECT event_id, access_id::text AS access_id FROM access_history "
                + "WHERE person_id = ?::uuid AND subject = 'registrar-ninawa'", person);
        String eventId = (String) row.get("event_id");
        String accessId = (String) row.get("access_id");
        awaitCheckpointOf(storedEvents());
        assertThat(verifyDatabase()).as(out + err).isZero();
        assertThat(out).contains("  access history: ").contains(" rows, each as its signed access event says");

        jdbc.execute("CREATE TABLE access_history_saved AS SELECT * FROM access_history WHERE event_id = '"
                + eventId + "'");
        try {
            jdbc.update("DELETE FROM access_history WHERE event_id = ?", eventId);
            assertThat(verifyDatabase()).as(out + err).isEqualTo(1);
            assertThat(out).startsWith("FAIL leaf ").contains(" event " + eventId + ": access event of access "
                    + accessId + " (person " + person + ", subject registrar-ninawa) has no access_history row");
            restore(eventId);

            tampered(eventId, "subject = 'registrar-baghdad'",
                    "subject (row 'registrar-baghdad', signed 'registrar-ninawa')");
            tampered(eventId, "purpose = 'file 2025/119'", "purpose (row 'file 2025/119', signed 'file 2025/118')");
            tampered(eventId, "recorded_at = recorded_at - interval '1 hour'", "recorded_at (row ");
            tampered(eventId, "person_id = gen_random_uuid()", "person_id (row '");

            String forged = UUID.randomUUID().toString();
            jdbc.update("INSERT INTO access_history (access_id, person_id, event_id, subject, organisation, role, "
                    + "purpose, basis_kind, categories, outcome, recorded_at) VALUES (gen_random_uuid(), ?::uuid, ?, "
                    + "'registrar-baghdad', 'BGD-KARKH-01', 'REGISTRAR', NULL, 'OFFICIAL_DUTY', '{IDENTITY}', "
                    + "'GRANTED', now())", person, forged);
            assertThat(verifyDatabase()).as(out + err).isEqualTo(1);
            assertThat(out).startsWith("FAIL leaf - event " + forged + ": access_history row of access ")
                    .contains("(person " + person + ", subject registrar-baghdad) lists no stored access event");
            jdbc.update("DELETE FROM access_history WHERE event_id = ?", forged);
        } finally {
            restore(eventId);
            jdbc.execute("DROP TABLE access_history_saved");
        }
        assertThat(verifyDatabase()).as(out + err).isZero();
    }

    /** Alters the row of {@code eventId} by {@code assignment}, checks that the verifier names it, and restores it. */
    private void tampered(String eventId, String assignment, String named) {
        jdbc.update("UPDATE access_history SET " + assignment + " WHERE event_id = ?", eventId);
        assertThat(verifyDatabase()).as(out + err).isEqualTo(1);
        assertThat(out).startsWith("FAIL leaf ").contains(" event " + eventId + ": access_history row of access ")
                .contains("differs from its signed access event").contains(named);
        restore(eventId);
    }

    private void restore(String eventId) {
        jdbc.update("DELETE FROM access_history WHERE event_id = ?", eventId);
        jdbc.update("INSERT INTO access_history SELECT * FROM access_history_saved");
    }

    private int verifyDatabase() {
        return verifier("verify", "--jdbc-url", jdbcUrl, "--user", "postgres", "--password", password(), "--keys", keys.toString(),
                "--log-key", "@" + logKey, "--quiet");
    }

    /** The embedded database's password, which the application generated at its first start. */
    private static String password() {
        try {
            return Files.readString(DATA.resolve("keys/postgres.password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int verifier(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = new VerifierCli(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(args);
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }

    /** Waits until a checkpoint covers at least {@code size} leaves. */
    private void awaitCheckpointOf(long size) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Api.Response checkpoint = api.get("/api/v1/log/checkpoint", null);
            if (checkpoint.status() == 200 && Long.parseLong(checkpoint.body().split("\n")[1]) >= size) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("no checkpoint of " + size + " leaves within 60 s");
    }

    private void awaitLogged(String personId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Long n = jdbc.queryForObject("SELECT count(*) FROM log_leaf l JOIN domainevententry d "
                    + "ON d.globalindex = l.global_index WHERE d.aggregateidentifier = ?", Long.class, personId);
            if (n != null && n > 0) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("the events of " + personId + " were not logged within 60 s");
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

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
