package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sijil.api.rfc6962.Rfc9162;
import org.sijil.api.rfc6962.SignedNotes;

/**
 * Every read of a person's data is recorded before the data is returned, whoever reads and through
 * whichever endpoint; a read whose record cannot be stored fails with no data; a citizen reads
 * their own record and nobody else's; and each entry of the citizen's access history proves its
 * place in the transparency log against the signed checkpoint served with it.
 */
class AccessReadsRecordedIT extends ConsentBaseIT {

    private static String person;
    private static String nationalNumber;
    private static long position;

    @BeforeEach
    void aPersonInBaghdad() {
        if (person == null) {
            Api.Response r = api.post("/api/v1/births", "registrar-baghdad",
                    People.birth("مصطفى", "MALE", LocalDate.of(1985, 5, 20), "BGD", null, null));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            person = r.json().get("personId").asText();
            nationalNumber = r.json().get("nationalNumber").asText();
            position = r.json().get("position").asLong();
        }
    }

    private long accessesOf(String personId) {
        return count("SELECT count(*) FROM access_history WHERE person_id = ?::uuid AND subject <> 'kafka-feed'",
                personId);
    }

    private Map<String, Object> latestAccessOf(String personId) {
        return jdbc.queryForMap("SELECT * FROM access_history WHERE person_id = ?::uuid AND subject <> 'kafka-feed' "
                + "ORDER BY recorded_at DESC LIMIT 1", java.util.UUID.fromString(personId));
    }

    /** Runs {@code read}, checks its status, and that it left exactly {@code records} access records. */
    private Api.Response recorded(int status, long records, String personId, Supplier<Api.Response> read) {
        long before = accessesOf(personId);
        long events = count("SELECT count(*) FROM domainevententry "
                + "WHERE payloadtype = 'org.sijil.core.api.AccessRecordedEvent'");
        Api.Response r = read.get();
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(accessesOf(personId)).isEqualTo(before + records);
        assertThat(count("SELECT count(*) FROM domainevententry "
                + "WHERE payloadtype = 'org.sijil.core.api.AccessRecordedEvent'")).isGreaterThanOrEqualTo(events + records);
        return r;
    }

    @Test
    void registrarsReadsThroughEveryEndpointAreRecordedAsOfficialDuty() {
        String p = "/api/v1/persons/" + person;
        recorded(200, 1, person, () -> api.get(p, "registrar-baghdad"));
        Map<String, Object> access = latestAccessOf(person);
        assertThat(access.get("basis_kind")).isEqualTo("OFFICIAL_DUTY");
        assertThat(access.get("role")).isEqualTo("REGISTRAR");
        assertThat(access.get("subject")).isEqualTo("registrar-baghdad");
        assertThat(access.get("organisation")).isEqualTo("BGD-KARKH-01");
        assertThat(access.get("outcome")).isEqualTo("GRANTED");

        // a registrar of another governorate reads too (looking a person up is not registering), recorded
        recorded(200, 1, person, () -> api.get(p, "registrar-ninawa", "X-Purpose", "file 2025/118"));
        assertThat(latestAccessOf(person).get("purpose")).isEqualTo("file 2025/118");
        assertThat(latestAccessOf(person).get("organisation")).isEqualTo("NIN-MOSUL-01");

        recorded(200, 1, person, () -> api.get(p + "/events", "registrar-baghdad"));
        recorded(200, 1, person, () -> api.get("/api/v1/person-view/" + person + "?minPosition=" + position,
                "registrar-baghdad"));
        recorded(200, 1, person, () -> api.get(p + "/as-of?at=" + LocalDate.now().plusDays(1), "registrar-baghdad"));
        Api.Response found = recorded(200, 1, person,
                () -> api.get("/api/v1/search?nationalNumber=" + nationalNumber, "registrar-baghdad"));
        assertThat(found.json().get("hits").size()).isEqualTo(1);
        assertThat(latestAccessOf(person).get("purpose")).isEqualTo("search");

        // a malformed declared purpose is refused before anything is read or recorded
        recorded(400, 0, person, () -> api.get(p, "registrar-baghdad", "X-Purpose", "<script>"));
    }

    @Test
    void aSearchIsAReadOfEveryPersonItReturns() {
        String given = "سجاد";
        List<String> ids = new ArrayList<>();
        long latest = 0;
        for (int i = 0; i < 3; i++) {
            Api.Response r = api.post("/api/v1/births", "registrar-baghdad",
                    People.birth(given, "MALE", LocalDate.of(2001, 1, 1 + i), "BGD", null, null));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            ids.add(r.json().get("personId").asText());
            latest = r.json().get("position").asLong();
        }
        long before = count("SELECT count(*) FROM access_history WHERE subject <> 'kafka-feed'");
        Api.Response r = api.get("/api/v1/search?name=" + java.net.URLEncoder.encode(given + " علي حسين",
                java.nio.charset.StandardCharsets.UTF_8) + "&limit=100&minPosition=" + latest, "registrar-baghdad");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> hits = r.json().get("hits").findValuesAsText("personId");
        assertThat(hits).containsAll(ids);
        assertThat(count("SELECT count(*) FROM access_history WHERE subject <> 'kafka-feed'"))
                .isEqualTo(before + hits.size());
        for (String id : hits) {
            assertThat(latestAccessOf(id).get("subject")).isEqualTo("registrar-baghdad");
        }
    }

    @Test
    void auditorsReadsOfTheSignedHistoryAreRecordedWithoutPlaintextCategories() {
        recorded(200, 1, person, () -> api.get("/api/v1/persons/" + person + "/events", "auditor"));
        Map<String, Object> access = latestAccessOf(person);
        assertThat(access.get("role")).isEqualTo("AUDITOR");
        assertThat(access.get("basis_kind")).isEqualTo("OFFICIAL_DUTY");
        assertThat(access.get("purpose")).isEqualTo("event-history");
    }

    @Test
    void administratorsDoNotReadCitizensRecords() {
        recorded(403, 0, person, () -> api.get("/api/v1/person-view/" + person + "?minPosition=" + position, "admin"));
        recorded(403, 0, person, () -> api.get("/api/v1/search?nationalNumber=" + nationalNumber, "admin"));
        recorded(403, 0, person, () -> api.get("/api/v1/persons/" + person + "/as-of?at=2030-01-01", "admin"));
        recorded(403, 0, person, () -> api.get("/api/v1/persons/" + person, "admin"));
    }

    @Test
    void aCitizenReadsTheirOwnRecordAndThatReadIsRecorded() {
        Api.Response mine = recorded(200, 1, CITIZEN, () -> api.get("/api/v1/citizens/me/record", "citizen-demo"));
        assertThat(mine.json().get("personId").asText()).isEqualTo(CITIZEN);
        assertThat(mine.json().get("nationalNumber").asText()).isEqualTo(citizenNationalNumber);
        Map<String, Object> access = latestAccessOf(CITIZEN);
        assertThat(access.get("basis_kind")).isEqualTo("OWN_RECORD");
        assertThat(access.get("role")).isEqualTo("CITIZEN");
        assertThat(access.get("organisation")).isEqualTo("citizen");
        assertThat(access.get("subject")).isEqualTo("citizen-demo");
    }

    @Test
    void aCitizenCanNeverReadAnotherPersonsRecord() {
        String p = "/api/v1/persons/" + person;
        for (String path : List.of(p, p + "/events", p + "/as-of?at=2030-01-01",
                "/api/v1/person-view/" + person + "?minPosition=" + position,
                "/api/v1/search?nationalNumber=" + nationalNumber,
                "/api/v1/ministry/persons?nationalNumber=" + nationalNumber + "&purpose=x")) {
            Api.Response r = recorded(403, 0, person, () -> api.get(path, "citizen-demo"));
            assertThat(r.body()).as(path).doesNotContain(nationalNumber).doesNotContain("مصطفى");
        }
        // nor their own through the officials' endpoints: only /citizens/me/record
        recorded(403, 0, CITIZEN, () -> api.get("/api/v1/persons/" + CITIZEN, "citizen-demo"));
        // and /me is always the token's person: no parameter names anyone else
        Api.Response mine = api.get("/api/v1/citizens/me/record?personId=" + person, "citizen-demo");
        assertThat(mine.json().get("personId").asText()).isEqualTo(CITIZEN);
        assertThat(api.get("/api/v1/citizens/me/record", null).status()).isEqualTo(401);
        for (String other : List.of("registrar-baghdad", "auditor", "admin", "ministry-health", "clerk-baghdad")) {
            assertThat(api.get("/api/v1/citizens/me/record", other).status()).as(other).isEqualTo(403);
        }
    }

    @Test
    void everyReadFailsClosedWhenItsAccessCannotBeRecorded() {
        String p = "/api/v1/persons/" + person;
        jdbc.execute("""
                CREATE FUNCTION sijil_test_refuse_reads() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.payloadtype LIKE '%AccessRecordedEvent' THEN
                        RAISE EXCEPTION 'access events refused for this test';
                    END IF;
                    RETURN NEW;
                END;
                $$""");
        jdbc.execute("CREATE TRIGGER sijil_test_refuse_reads BEFORE INSERT ON domainevententry "
                + "FOR EACH ROW EXECUTE FUNCTION sijil_test_refuse_reads()");
        List<Api.Response> answers = new ArrayList<>();
        try {
            answers.add(recorded(503, 0, person, () -> api.get(p, "registrar-baghdad")));
            answers.add(recorded(503, 0, person, () -> api.get(p + "/events", "auditor")));
            answers.add(recorded(503, 0, person, () -> api.get("/api/v1/person-view/" + person + "?minPosition="
                    + position, "registrar-baghdad")));
            answers.add(recorded(503, 0, person, () -> api.get(p + "/as-of?at=2030-01-01", "registrar-baghdad")));
            answers.add(recorded(503, 0, person, () -> api.get("/api/v1/search?nationalNumber=" + nationalNumber,
                    "registrar-baghdad")));
            answers.add(recorded(503, 0, CITIZEN, () -> api.get("/api/v1/citizens/me/record", "citizen-demo")));
        } finally {
            jdbc.execute("DROP TRIGGER sijil_test_refuse_reads ON domainevententry");
            jdbc.execute("DROP FUNCTION sijil_test_refuse_reads()");
        }
        for (Api.Response r : answers) {
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("code").asText()).isEqualTo("access.not-recorded");
            assertThat(r.body()).doesNotContain(nationalNumber).doesNotContain(citizenNationalNumber)
                    .doesNotContain("مصطفى").doesNotContain("حيدر");
        }
        recorded(200, 1, person, () -> api.get(p, "registrar-baghdad"));
    }

    @Test
    void eachAccessInTheCitizensHistoryProvesItsInclusionAgainstTheServedCheckpoint() throws Exception {
        String purpose = purpose("proof");
        grant("health", purpose, "\"IDENTITY\"", false);
        Api.Response read = api.get("/api/v1/ministry/persons?nationalNumber=" + citizenNationalNumber
                + "&purpose=" + purpose, "ministry-health");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        String accessId = read.json().get("accessId").asText();

        JsonNode history = null;
        JsonNode entry = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            history = api.get("/api/v1/citizens/me/accesses", "citizen-demo").json();
            entry = null;
            for (JsonNode e : history.get("accesses")) {
                if (e.get("accessId").asText().equals(accessId)) {
                    entry = e;
                }
            }
            assertThat(entry).as("the read is listed at once").isNotNull();
            if (!entry.get("pending").asBoolean()) {
                break;
            }
            assertThat(entry.get("proof").isNull()).isTrue();
            Thread.sleep(250);
        }
        assertThat(entry.get("pending").asBoolean()).as("a checkpoint covered the access within a minute").isFalse();

        // the checkpoint served with the history is signed by the published key
        String verifierKey = api.get("/api/v1/log/verifier-key", null).body();
        String note = history.get("checkpoint").asText();
        SignedNotes.CheckpointBody checkpoint = SignedNotes.checkpoint(SignedNotes.verify(note, verifierKey));
        assertThat(checkpoint.size()).isEqualTo(history.get("treeSize").asLong());

        // the proof verifies with an independent RFC 9162 implementation against that root
        JsonNode proof = entry.get("proof");
        long index = entry.get("logIndex").asLong();
        assertThat(proof.get("leafIndex").asLong()).isEqualTo(index);
        assertThat(proof.get("treeSize").asLong()).isEqualTo(checkpoint.size());
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] leafHash = base64.decode(proof.get("leafHash").asText());
        List<byte[]> path = new ArrayList<>();
        proof.get("hashes").forEach(h -> path.add(base64.decode(h.asText())));
        assertThat(Rfc9162.verifyInclusion(index, checkpoint.size(), leafHash, path, checkpoint.root())).isTrue();
        byte[] tampered = leafHash.clone();
        tampered[0] ^= 1;
        assertThat(Rfc9162.verifyInclusion(index, checkpoint.size(), tampered, path, checkpoint.root())).isFalse();

        // and the leaf proved is this access event's signed entry
        JsonNode leaf = api.get("/api/v1/log/entries?start=" + index + "&count=1", "auditor").json().get(0);
        assertThat(leaf.get("eventId").asText()).isEqualTo(entry.get("eventId").asText());
        assertThat(Rfc9162.leafHash(base64.decode(leaf.get("leaf").asText()))).isEqualTo(leafHash);
        assertThat(count("SELECT count(*) FROM domainevententry WHERE eventidentifier = ? "
                + "AND payloadtype = 'org.sijil.core.api.AccessRecordedEvent'", entry.get("eventId").asText()))
                .isEqualTo(1);
    }
}
