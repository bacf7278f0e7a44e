package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sijil.api.rfc6962.Rfc9162;
import org.sijil.api.rfc6962.SignedNotes;

/**
 * The log's HTTP interface, checked with the independent verifier of {@code org.sijil.api.rfc6962}
 * (RFC 9162 and C2SP signed notes with the JDK's Ed25519): checkpoints verify and commit to the
 * leaves the auditors' endpoint serves; inclusion and consistency proofs verify; every checkpoint
 * is kept and each is consistent with the next; bad requests are refused.
 */
class LogHttpIT extends IntegrationTest {

    private static final String REGISTRAR = "registrar-baghdad";
    private static final String AUDITOR = "auditor";

    @Test
    void checkpointProofsAndEntriesVerifyIndependently() throws Exception {
        for (int i = 0; i < 5; i++) {
            register(REGISTRAR, People.adultMan("BGD"));
        }
        String verifierKey = api.get("/api/v1/log/verifier-key", null).body();
        assertThat(verifierKey).startsWith("sijil.local/register+");
        assertThat(Files.getPosixFilePermissions(DATA.resolve("keys/checkpoint-note.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        SignedNotes.CheckpointBody checkpoint = awaitCheckpointOf(storedEvents(), verifierKey);
        assertThat(checkpoint.origin()).isEqualTo("sijil.local/register");
        long size = checkpoint.size();

        List<byte[]> leafHashes = leafHashesFromEntries(size);
        assertThat(Rfc9162.rootOf(leafHashes)).isEqualTo(checkpoint.root());

        for (long index : new long[] {0, size / 3, size / 2, size - 2, size - 1}) {
            JsonNode proof = api.get("/api/v1/log/proof/inclusion?index=" + index + "&size=" + size, null).json();
            assertThat(proof.get("index").asLong()).isEqualTo(index);
            assertThat(proof.get("size").asLong()).isEqualTo(size);
            byte[] leafHash = decode(proof.get("leafHash"));
            assertThat(leafHash).isEqualTo(leafHashes.get((int) index));
            assertThat(Rfc9162.verifyInclusion(index, size, leafHash, hashes(proof.get("proof")), checkpoint.root()))
                    .as("inclusion of %d in %d", index, size).isTrue();
        }
        for (long from : new long[] {1, 2, size / 2, size - 1, size}) {
            JsonNode proof = api.get("/api/v1/log/proof/consistency?from=" + from + "&to=" + size, null).json();
            assertThat(proof.get("from").asLong()).isEqualTo(from);
            assertThat(proof.get("to").asLong()).isEqualTo(size);
            byte[] oldRoot = Rfc9162.rootOf(leafHashes.subList(0, (int) from));
            assertThat(Rfc9162.verifyConsistency(from, size, oldRoot, checkpoint.root(), hashes(proof.get("proof"))))
                    .as("consistency of %d with %d", from, size).isTrue();
        }
    }

    @Test
    void everyCheckpointIsKeptAndEachIsConsistentWithTheNext() throws Exception {
        String verifierKey = api.get("/api/v1/log/verifier-key", null).body();
        register(REGISTRAR, People.adultWoman("BGD"));
        long first = awaitCheckpointOf(storedEvents(), verifierKey).size();
        for (int round = 0; round < 3; round++) {
            register(REGISTRAR, People.adultWoman("BGD"));
            awaitCheckpointOf(storedEvents(), verifierKey);
        }
        List<java.util.Map<String, Object>> kept = jdbc.queryForList(
                "SELECT tree_size, root_hash, signed_note FROM log_checkpoint ORDER BY tree_size");
        List<Long> sizes = kept.stream().map(row -> ((Number) row.get("tree_size")).longValue()).toList();
        assertThat(sizes).contains(first).hasSizeGreaterThanOrEqualTo(4);
        List<byte[]> leafHashes = leafHashesFromEntries(sizes.get(sizes.size() - 1));
        SignedNotes.CheckpointBody previous = null;
        for (java.util.Map<String, Object> row : kept) {
            SignedNotes.CheckpointBody body = SignedNotes.checkpoint(
                    SignedNotes.verify((String) row.get("signed_note"), verifierKey));
            assertThat(body.size()).isEqualTo(((Number) row.get("tree_size")).longValue());
            assertThat(body.root()).isEqualTo((byte[]) row.get("root_hash"))
                    .isEqualTo(Rfc9162.rootOf(leafHashes.subList(0, (int) body.size())));
            if (previous != null) {
                JsonNode proof = api.get("/api/v1/log/proof/consistency?from=" + previous.size() + "&to="
                        + body.size(), null).json();
                assertThat(Rfc9162.verifyConsistency(previous.size(), body.size(), previous.root(), body.root(),
                        hashes(proof.get("proof")))).as("%d to %d", previous.size(), body.size()).isTrue();
            }
            previous = body;
        }
    }

    @Test
    void aRegistrarFindsTheLeafOfTheirEvent() {
        String person = register(REGISTRAR, People.adultMan("BGD"));
        String eventId = jdbc.queryForObject(
                "SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                String.class, person);
        Api.Response position = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            position = api.get("/api/v1/log/events/" + eventId, REGISTRAR);
            if (position.status() == 200) {
                break;
            }
            assertThat(position.status()).isEqualTo(404);
            sleep(100);
        }
        assertThat(position.status()).isEqualTo(200);
        assertThat(position.json().get("eventId").asText()).isEqualTo(eventId);
        Long index = jdbc.queryForObject("SELECT leaf_index FROM log_leaf WHERE event_id = ?", Long.class, eventId);
        assertThat(position.json().get("index").asLong()).isEqualTo(index);
        assertThat(decode(position.json().get("leafHash"))).hasSize(32);

        assertThat(api.get("/api/v1/log/events/" + eventId, null).status()).isEqualTo(401);
        Api.Response unknown = api.get("/api/v1/log/events/no-such-event", REGISTRAR);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("code").asText()).isEqualTo("log.event.not-sequenced");
    }

    @Test
    void refusesBadParametersWithProblemsAndEntriesToAllButAuditors() throws Exception {
        register(REGISTRAR, People.adultMan("BGD"));
        String verifierKey = api.get("/api/v1/log/verifier-key", null).body();
        long size = awaitCheckpointOf(storedEvents(), verifierKey).size();
        long beyond = size + 1_000_000;

        assertProblem("/api/v1/log/proof/inclusion?index=" + size + "&size=" + size, null, "index",
                "log.index.out-of-range");
        assertProblem("/api/v1/log/proof/inclusion?index=-1&size=" + size, null, "index", "log.index.out-of-range");
        assertProblem("/api/v1/log/proof/inclusion?index=0&size=" + beyond, null, "size", "log.size.out-of-range");
        assertProblem("/api/v1/log/proof/inclusion?index=0&size=0", null, "size", "log.size.out-of-range");
        assertProblem("/api/v1/log/proof/inclusion?index=0&size=-5", null, "size", "log.size.out-of-range");
        assertProblem("/api/v1/log/proof/inclusion?index=x&size=" + size, null, "index", "value.malformed");
        assertProblem("/api/v1/log/proof/consistency?from=0&to=" + size, null, "from", "log.from.out-of-range");
        assertProblem("/api/v1/log/proof/consistency?from=" + size + "&to=" + (size - 1), null, "from",
                "log.from.out-of-range");
        assertProblem("/api/v1/log/proof/consistency?from=1&to=" + beyond, null, "to", "log.size.out-of-range");
        assertProblem("/api/v1/log/entries?start=0&count=1001", AUDITOR, "count", "log.count.out-of-range");
        assertProblem("/api/v1/log/entries?start=0&count=0", AUDITOR, "count", "log.count.out-of-range");
        assertProblem("/api/v1/log/entries?start=-1&count=10", AUDITOR, "start", "log.start.out-of-range");
        assertProblem("/api/v1/log/entries?start=" + beyond + "&count=10", AUDITOR, "start",
                "log.start.out-of-range");
        assertThat(api.get("/api/v1/log/proof/inclusion?size=" + size, null).status()).isEqualTo(400);

        assertThat(api.get("/api/v1/log/entries?start=" + size + "&count=10", AUDITOR).json()).isEmpty();
        Api.Response registrar = api.get("/api/v1/log/entries?start=0&count=10", REGISTRAR);
        assertThat(registrar.status()).isEqualTo(403);
        assertThat(registrar.json().get("code").asText()).isEqualTo("access.denied");
        assertThat(api.get("/api/v1/log/entries?start=0&count=10", null).status()).isEqualTo(401);
    }

    private void assertProblem(String path, String identity, String field, String code) {
        Api.Response r = api.get(path, identity);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).as(path).isEqualTo(code);
        assertThat(r.json().get("field").asText()).as(path).isEqualTo(field);
    }

    /** Polls the public checkpoint until it covers at least {@code events} leaves; verifies it. */
    private SignedNotes.CheckpointBody awaitCheckpointOf(long events, String verifierKey) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Api.Response r = api.get("/api/v1/log/checkpoint", null);
            if (r.status() == 200) {
                assertThat(r.header("Content-Type")).startsWith("text/plain");
                SignedNotes.CheckpointBody body = SignedNotes.checkpoint(SignedNotes.verify(r.body(), verifierKey));
                if (body.size() >= events) {
                    return body;
                }
            } else {
                assertThat(r.status()).isEqualTo(404);
            }
            assertThat(System.nanoTime()).as("a checkpoint of %d leaves within 60 s", events).isLessThan(deadline);
            sleep(100);
        }
    }

    /** Every leaf below {@code size}, fetched as an auditor in pages, hashed here. */
    private List<byte[]> leafHashesFromEntries(long size) {
        List<byte[]> hashes = new ArrayList<>();
        while (hashes.size() < size) {
            JsonNode page = api.get("/api/v1/log/entries?start=" + hashes.size() + "&count=1000", AUDITOR).json();
            assertThat(page.size()).isPositive();
            for (JsonNode entry : page) {
                assertThat(entry.get("index").asLong()).isEqualTo(hashes.size());
                assertThat(entry.get("eventId").asText()).isNotBlank();
                hashes.add(Rfc9162.leafHash(decode(entry.get("leaf"))));
            }
        }
        return hashes.subList(0, (int) size);
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(decode(h)));
        return out;
    }

    private static byte[] decode(JsonNode node) {
        return Base64.getDecoder().decode(node.asText());
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
