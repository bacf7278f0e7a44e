package org.sijil.api.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every copy Sijil keeps is sealed and erasable: a ministry topic's log segments on disk hold none of
 * a registered person's data, the ministry opens its messages with the feed key only it may fetch,
 * and erasing the person destroys that key for good; the national-number index holds no number; the
 * data, key and log directories are the service user's only; the embedded PostgreSQL wants its
 * password and listens on loopback.
 */
class SealedFeedIT extends FeedTestBase {

    private static final String HEALTH = "sijil.ministry.health";
    private static final String PURPOSE = "sealed-feed-check";

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aMinistryTopicHoldsNoPersonalDataAtRestAndErasureShredsWhatItRetains() throws Exception {
        recordLegalBasis("health", PURPOSE, "IDENTITY", "CIVIL_STATUS");
        awaitIndexed(PURPOSE);
        // a given name no other test registers, so finding it on disk can only be this person's
        String given = "سجاد";
        Api.Response r = api.post("/api/v1/births", "registrar-baghdad",
                People.birth(given, "MALE", LocalDate.of(2024, 5, 6), "BGD", null, null));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String person = r.json().get("personId").asText();
        String number = r.json().get("nationalNumber").asText();
        String birth = eventIdsOf(person).get(0);
        Message sealed = one(awaitAll(HEALTH, Set.of(birth), Duration.ofSeconds(60)), birth);
        List<String> personal = List.of(number, given, "Al-Jubouri", "الجبوري", "مستشفى اليرموك", "2024-05-06");

        // at rest: the segment files hold the message (its event id), none of the person's data
        byte[] segments = segments(HEALTH);
        assertThat(contains(segments, birth)).as("the files read are the topic's").isTrue();
        for (String value : personal) {
            assertThat(contains(segments, value)).as("%s in the topic's log files", value).isFalse();
        }

        // the ministry opens it with its own key; no one else gets that key
        JsonNode opened = opened(sealed);
        assertThat(opened.at("/data/nationalNumber").asText()).isEqualTo(number);
        assertThat(opened.at("/data/name/arabic/given").asText()).isEqualTo(given);
        String key = "/api/v1/ministry/feed-keys/" + sealed.value().get("feedKeyId").asText();
        Api.Response otherMinistry = api.get(key, "ministry-interior");
        assertThat(otherMinistry.status()).isEqualTo(404);
        assertThat(otherMinistry.json().get("code").asText()).isEqualTo("feed-key.not-found");
        assertThat(api.get(key, "registrar-baghdad").status()).isEqualTo(403);
        assertThat(api.get(key, null).status()).isEqualTo(401);
        // the national number still finds a living person
        String read = "/api/v1/ministry/persons?nationalNumber=" + number + "&purpose=" + PURPOSE;
        assertThat(api.get(read, "ministry-health").status()).isEqualTo(200);

        Api.Response erasure = api.post("/api/v1/persons/" + person + "/erasure", "admin",
                "{\"legalReference\": \"قرار محكمة 2026/31 بموجب قانون حماية البيانات\"}");
        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(200);

        // the key is gone: the message retained on the topic, unchanged, can no longer be opened
        Api.Response gone = api.get(key, "ministry-health");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().get("code").asText()).isEqualTo("feed-key.destroyed");
        assertThat(jdbc.queryForList("SELECT wrapped_key IS NULL FROM feed_key WHERE person_id = ?::uuid",
                Boolean.class, person)).isNotEmpty().containsOnly(true);
        Message retained = one(read(HEALTH), birth);
        assertThat(retained.value().get("sealed")).isEqualTo(sealed.value().get("sealed"));
        assertThatThrownBy(() -> opened(retained)).hasMessageContaining("410");
        // the erasure itself reaches the ministry, with nothing personal to seal
        String erased = eventIdsOf(person).get(1);
        JsonNode erasureMessage = one(awaitAll(HEALTH, Set.of(erased), Duration.ofSeconds(60)), erased).value();
        assertThat(erasureMessage.get("sealed").isNull()).isTrue();
        assertThat(erasureMessage.at("/data/legalReference").asText()).startsWith("قرار محكمة 2026/31");
        byte[] after = segments(HEALTH);
        for (String value : personal) {
            assertThat(contains(after, value)).as("%s in the topic's log files", value).isFalse();
        }

        // the national-number index leads nowhere for the erased person, and holds no number at all
        assertThat(jdbc.queryForObject("SELECT count(*) FROM national_number WHERE person_id = ?::uuid", Long.class,
                person)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM national_number WHERE national_number IS NOT NULL",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT coalesce(string_agg(n::text, ' '), '') FROM national_number n",
                String.class)).doesNotContain(number);
        // answered as a number nobody holds: the refusal of any person the ministry may not read
        Api.Response refused = api.get(read, "ministry-health");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("access.no-basis");
    }

    @Test
    void dataKeyAndLogDirectoriesAreTheServiceUsersOnly() throws Exception {
        for (Path dir : List.of(DATA, DATA.resolve("keys"), DATA.resolve("postgres"), broker.dataDir())) {
            assertThat(mode(dir)).as("%s", dir).isEqualTo("rwx------");
        }
        assertThat(DATA.resolve("keys/postgres.password")).exists();
        try (Stream<Path> keys = Files.list(DATA.resolve("keys"))) {
            for (Path file : keys.toList()) {
                assertThat(mode(file)).as("%s", file).isEqualTo("rw-------");
            }
        }
        // what the broker wrote with the process's umask is tightened at its next start: every directory,
        // and the segments that hold the messages (files it rewrites later are behind those directories)
        broker.stop();
        broker.start();
        try (Stream<Path> kafka = Files.walk(broker.dataDir())) {
            for (Path path : kafka.toList()) {
                if (Files.isDirectory(path)) {
                    assertThat(mode(path)).as("%s", path).isEqualTo("rwx------");
                } else if (path.toString().endsWith(".log") && path.getParent().getFileName().toString().startsWith("sijil.")) {
                    assertThat(mode(path)).as("%s", path).isEqualTo("rw-------");
                }
            }
        }
    }

    @Test
    void theEmbeddedPostgresWantsItsPasswordAndListensOnLoopbackOnly() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "not-the-password").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        String password = Files.readString(DATA.resolve("keys/postgres.password"), UTF_8).strip();
        try (Connection c = DriverManager.getConnection(url, "postgres", password); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SHOW listen_addresses");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
        }
        Optional<InetAddress> outside = nonLoopbackAddress();
        if (outside.isPresent()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside.get(), postgres.getPort()), 2000))
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    private void awaitIndexed(String purpose) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM legal_basis_index WHERE ? = ANY (purposes)", Long.class,
                purpose) == 0) {
            assertThat(System.nanoTime()).as("legal basis indexed").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static Message one(List<Message> messages, String eventId) {
        return messages.stream().filter(m -> eventId.equals(m.eventId())).findFirst().orElseThrow();
    }

    /** Every log segment file of the topic's partitions, as the broker keeps them on disk. */
    private byte[] segments(String topic) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> dirs = Files.list(broker.dataDir())) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(topic + "-")).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                        all.write(Files.readAllBytes(log));
                    }
                }
            }
        }
        return all.toByteArray();
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (i.isUp() && !i.isLoopback()) {
                Collections.list(i.getInetAddresses()).stream().filter(a -> a instanceof Inet4Address).forEach(found::add);
            }
        }
        return found.stream().findFirst();
    }
}
