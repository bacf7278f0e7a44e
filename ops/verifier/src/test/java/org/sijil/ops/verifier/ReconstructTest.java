package org.sijil.ops.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijil.ops.verifier.fixture.TrailFixture;

/**
 * {@code reconstruct}: one person's record as it stood at a moment, folded from signed, sealed
 * events shaped as the contract's records ({@code org.sijil.core.api}). The names are common Iraqi
 * given, father's and grandfather's names, written by hand for this test.
 */
class ReconstructTest {

    private static final UUID PERSON = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    private static final UUID MOTHER = UUID.fromString("0b1c2d3e-4f50-4a6b-8c7d-8e9f0a1b2c3d");

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TrailFixture trail;
    private Path keys;
    private Path masterKey;
    private String out;
    private String err;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    /**
     * Born 2024-02-20, registered 2024-03-01; a family name added by a change effective 2024-04-15
     * but registered only on 2024-06-01; an ID card issued 2024-07-01.
     */
    @BeforeEach
    void registerPerson() throws Exception {
        trail = TrailFixture.create(postgres);
        ObjectNode birth = json.createObjectNode();
        birth.put("nationalNumber", "199012345674");
        birth.set("name", name(null));
        birth.put("sex", "MALE");
        birth.put("dateOfBirth", "2024-02-20");
        birth.set("placeOfBirth", json.createObjectNode().put("governorate", "Baghdad").put("district", "Karkh")
                .put("locality", "Mansour"));
        birth.put("motherId", MOTHER.toString());
        birth.putNull("fatherId");
        birth.put("registrationOffice", "BGD-01");
        trail.appendPersonEvent(PERSON, "BirthRegisteredEvent", birth, Instant.parse("2024-03-01T09:00:00Z"),
                "nationalNumber", "name", "dateOfBirth", "placeOfBirth", "motherId", "fatherId");

        ObjectNode change = json.createObjectNode();
        change.set("newName", name("Al-Tamimi"));
        change.put("effectiveDate", "2024-04-15");
        change.put("legalReference", "Civil Status Law 65/1972 art. 22");
        change.put("registrationOffice", "BGD-01");
        trail.appendPersonEvent(PERSON, "NameChangedEvent", change, Instant.parse("2024-06-01T10:00:00Z"), "newName");

        ObjectNode card = json.createObjectNode();
        card.put("cardNumber", "AB1234567");
        card.put("issuedOn", "2024-07-01");
        card.put("expiresOn", "2034-07-01");
        card.put("registrationOffice", "BGD-01");
        trail.appendPersonEvent(PERSON, "IdCardIssuedEvent", card, Instant.parse("2024-07-01T08:00:00Z"), "cardNumber");
        trail.sequence();
        trail.checkpoint();
        keys = trail.writeKeys(dir.resolve("keys.json"), trail.signingKey);
        masterKey = trail.writeMasterKey(dir.resolve("master.key"));
    }

    private ObjectNode name(String family) {
        ObjectNode arabic = json.createObjectNode().put("given", "علي").put("father", "حسن").put("grandfather", "محمد")
                .put("motherGiven", "فاطمة").put("maternalGrandfather", "جاسم");
        ObjectNode latin = json.createObjectNode().put("given", "Ali").put("father", "Hassan").put("grandfather", "Mohammed")
                .put("motherGiven", "Fatima").put("maternalGrandfather", "Jasim");
        if (family != null) {
            arabic.put("family", "التميمي");
            latin.put("family", family);
        }
        ObjectNode name = json.createObjectNode();
        name.set("arabic", arabic);
        name.putNull("kurdish");
        name.set("latin", latin);
        return name;
    }

    private int reconstruct(String asOf, String... extra) {
        List<String> args = new ArrayList<>(List.of("reconstruct", "--jdbc-url", trail.jdbcUrl, "--keys",
                keys.toString(), "--person", PERSON.toString(), "--as-of", asOf));
        args.addAll(List.of(extra));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = new VerifierCli(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }

    @Test
    void showsTheNameBeforeAndAfterTheChangeWasRegistered() {
        assertThat(reconstruct("2024-05-01T00:00:00Z", "--master-key", masterKey.toString())).as(out + err).isZero();
        assertThat(out).contains("events folded:   1 of 3")
                .contains("name (latin):    Ali Hassan Mohammed; mother Fatima Jasim")
                .contains("name (arabic):   علي حسن محمد; mother فاطمة جاسم")
                .contains("national number: 199012345674")
                .contains("date of birth:   2024-02-20")
                .contains("place of birth:  Mansour, Karkh, Baghdad")
                .contains("mother:          " + MOTHER)
                .doesNotContain("Al-Tamimi", "ID card");

        assertThat(reconstruct("2024-07-02T00:00:00Z", "--master-key", masterKey.toString())).isZero();
        assertThat(out).contains("events folded:   3 of 3")
                .contains("name (latin):    Ali Hassan Mohammed Al-Tamimi; mother Fatima Jasim")
                .contains("name changed:    2024-04-15 (Civil Status Law 65/1972 art. 22)")
                .contains("ID card:         AB1234567 issued 2024-07-01, expires 2034-07-01")
                .contains("signatures:      all 3 verified against the published keys");
    }

    @Test
    void byEventTimeTheChangeCountsFromItsEffectiveDate() {
        assertThat(reconstruct("2024-05-01T00:00:00Z", "--master-key", masterKey.toString(), "--by", "event-time"))
                .as(out + err).isZero();
        assertThat(out).contains("by event time", "events folded:   2 of 3",
                "name (latin):    Ali Hassan Mohammed Al-Tamimi");
        assertThat(reconstruct("2024-02-01T00:00:00Z", "--master-key", masterKey.toString(), "--by", "event-time"))
                .isZero();
        assertThat(out).contains("events folded:   0 of 3", "record:          none yet");
    }

    @Test
    void withoutTheMasterKeyPersonalFieldsStaySealed() {
        assertThat(reconstruct("2024-07-02T00:00:00Z")).as(out + err).isZero();
        assertThat(out).contains("name:            <sealed>", "national number: <sealed>", "sex:             MALE",
                "ID card:         <sealed> issued 2024-07-01")
                .doesNotContain("Ali", "199012345674");
    }

    @Test
    void afterErasureTheFieldsReadAsErased() throws Exception {
        ObjectNode erased = json.createObjectNode().put("legalReference", "court order 17/2024");
        trail.appendPersonEvent(PERSON, "PersonErasedEvent", erased, Instant.parse("2024-08-01T00:00:00Z"));
        trail.destroyDataKey(PERSON);
        assertThat(reconstruct("2024-09-01T00:00:00Z", "--master-key", masterKey.toString())).as(out + err).isZero();
        assertThat(out).contains("name:            <erased>", "erased:          2024-08-01T00:00:00Z (court order 17/2024)",
                "1 not yet in the log");
    }

    @Test
    void aTamperedEventIsRefusedBeforeAnythingIsPrinted() throws Exception {
        trail.tamper("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'2024-04-15', '2024-01-15'), 'UTF8') WHERE payloadtype LIKE '%NameChangedEvent'");
        assertThat(reconstruct("2024-07-02T00:00:00Z", "--master-key", masterKey.toString()))
                .isEqualTo(VerifierCli.FAILED);
        assertThat(out.strip()).matches("FAIL leaf 1 event [0-9a-f-]{36}: bad signature \\(key [0-9a-f]{16}\\)");
    }

    @Test
    void reconstructsFromAnExportedBundle() throws Exception {
        Path bundle = dir.resolve("trail.zip");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThat(new VerifierCli(new PrintStream(sink, true, StandardCharsets.UTF_8), System.err)
                .run("export", "--jdbc-url", trail.jdbcUrl, "--out", bundle.toString(), "--with-data-keys")).isZero();
        List<String> args = List.of("reconstruct", "--bundle", bundle.toString(), "--keys", keys.toString(),
                "--person", PERSON.toString(), "--as-of", "2024-05-01T00:00:00Z", "--master-key", masterKey.toString());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        assertThat(new VerifierCli(new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err)
                .run(args.toArray(String[]::new))).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("name (latin):    Ali Hassan Mohammed; mother Fatima Jasim");
    }
}
