package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every life event through the REST API, stored signed in PostgreSQL. */
class RegistryFlowIT extends IntegrationTest {

    @Test
    void recordsEveryLifeEventOfAFamily() {
        String father = register("registrar-baghdad", People.adultMan("BGD"));
        String mother = register("registrar-baghdad", People.adultWoman("BGD"));

        Api.Response marriage = api.post("/api/v1/marriages", "registrar-baghdad", """
                {"husbandId": "%s", "wifeId": "%s", "marriageDate": "2015-06-01",
                 "place": {"governorate": "BGD", "locality": "محكمة الكرخ"}}
                """.formatted(father, mother));
        assertThat(marriage.status()).as(marriage.toString()).isEqualTo(201);
        String marriageId = marriage.json().get("marriageId").asText();

        Api.Response birth = api.post("/api/v1/births", "registrar-baghdad",
                People.birth("حسن", "MALE", LocalDate.of(2020, 1, 5), "BGD", mother, father));
        assertThat(birth.status()).as(birth.toString()).isEqualTo(201);
        String child = birth.json().get("personId").asText();
        String nationalNumber = birth.json().get("nationalNumber").asText();
        assertThat(nationalNumber).matches("[1-9][0-9]{11}");
        assertThat(birth.header("ETag")).isEqualTo("\"0\"");
        assertThat(birth.header("Location")).endsWith("/api/v1/persons/" + child);

        Api.Response person = api.get("/api/v1/persons/" + child, "registrar-baghdad");
        assertThat(person.status()).isEqualTo(200);
        assertThat(person.json().get("nationalNumber").asText()).isEqualTo(nationalNumber);
        assertThat(person.json().at("/name/arabic/given").asText()).isEqualTo("حسن");
        assertThat(person.json().get("motherId").asText()).isEqualTo(mother);
        assertThat(person.json().get("fatherId").asText()).isEqualTo(father);

        ok(api.post("/api/v1/persons/" + child + "/residence-changes", "registrar-baghdad", """
                {"residence": {"governorate": "BGD", "locality": "حي المنصور، محلة 605"}, "since": "2021-02-01"}
                """, "If-Match", "\"0\""));
        ok(api.post("/api/v1/persons/" + child + "/name-changes", "registrar-baghdad", """
                {"newName": {"arabic": {"given": "حسين", "father": "محمد", "grandfather": "علي",
                             "motherGiven": "زينب", "maternalGrandfather": "علي"}},
                 "effectiveDate": "2022-03-01", "legalReference": "قرار محكمة الأحوال الشخصية 2022/118"}
                """));
        ok(api.post("/api/v1/persons/" + child + "/id-cards", "registrar-baghdad", """
                {"cardNumber": "AB1234567", "issuedOn": "2023-01-10", "expiresOn": "2033-01-10"}
                """));
        ok(api.post("/api/v1/persons/" + child + "/id-cards/AB1234567/revocation", "registrar-baghdad", """
                {"revokedOn": "2024-05-02", "reason": "بطاقة مفقودة"}
                """));
        String birthEventId = birth.json().get("eventIds").get(0).asText();
        ok(api.post("/api/v1/persons/" + child + "/corrections", "registrar-baghdad", """
                {"correctedEventId": "%s", "court": "محكمة بداءة الكرخ", "judgmentReference": "2024/77",
                 "judgmentDate": "2024-06-01", "dateOfBirth": "2020-01-04"}
                """.formatted(birthEventId)));

        Api.Response divorce = api.post("/api/v1/marriages/" + marriageId + "/divorce", "registrar-baghdad",
                "{\"divorceDate\": \"2024-09-09\", \"courtReference\": \"2024/901\"}");
        assertThat(divorce.status()).as(divorce.toString()).isEqualTo(200);

        Api.Response death = api.post("/api/v1/persons/" + father + "/death", "registrar-baghdad", """
                {"dateOfDeath": "2025-01-20", "placeOfDeath": {"governorate": "BGD"}, "causeOfDeath": "I21.9"}
                """);
        assertThat(death.status()).as(death.toString()).isEqualTo(200);

        JsonNode current = api.get("/api/v1/persons/" + child, "registrar-baghdad").json();
        assertThat(current.at("/name/arabic/given").asText()).isEqualTo("حسين");
        assertThat(current.get("dateOfBirth").asText()).isEqualTo("2020-01-04");
        assertThat(current.at("/residence/governorate").asText()).isEqualTo("BGD");
        assertThat(current.at("/idCards/0/status").asText()).isEqualTo("REVOKED");
        assertThat(api.get("/api/v1/persons/" + father, "registrar-baghdad").json().get("alive").asBoolean())
                .isFalse();

        JsonNode history = api.get("/api/v1/persons/" + child + "/events", "registrar-baghdad").json();
        assertThat(history).hasSize(6);
        assertThat(history.get(0).at("/metadata/officer").asText()).isEqualTo("registrar-baghdad");
        assertThat(history.get(0).at("/metadata/office").asText()).isEqualTo("BGD-KARKH-01");
        // the stored payload holds ciphertext only: no Arabic name appears in the row
        assertThat(history.get(0).get("storedPayload").toString()).doesNotContain("حسن").contains("\"enc\"");
        assertThat(history.get(0).at("/payload/name/arabic/given").asText()).isEqualTo("حسن");
    }

    @Test
    void storedSignaturesVerifyWithTheJdkAndWithOpenssl() throws Exception {
        String person = register("registrar-ninawa", People.adultWoman("NIN"));
        Map<String, PublicKey> keys = new HashMap<>();
        Map<String, String> pems = new HashMap<>();
        for (JsonNode key : api.get("/api/v1/keys", null).json()) {
            byte[] der = Base64.getMimeDecoder().decode(key.get("pem").asText()
                    .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
            keys.put(key.get("keyId").asText(),
                    KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
            pems.put(key.get("keyId").asText(), key.get("pem").asText());
        }
        JsonNode event = api.get("/api/v1/persons/" + person + "/events", "auditor").json().get(0);
        byte[] entry = Base64.getDecoder().decode(event.get("signedEntry").asText());
        byte[] signature = Base64.getDecoder().decode(event.get("signature").asText());
        String keyId = event.get("keyId").asText();

        // the signed bytes are the row as stored: rebuilt here from the database's own columns
        Map<String, Object> row = jdbc.queryForMap("SELECT payload, metadata, signature FROM domainevententry "
                + "WHERE eventidentifier = ?", event.get("eventId").asText());
        assertThat(containsSubsequence(entry, (byte[]) row.get("payload"))).isTrue();
        assertThat(containsSubsequence(entry, (byte[]) row.get("metadata"))).isTrue();
        assertThat((byte[]) row.get("signature")).isEqualTo(signature);
        assertThat(event.at("/metadata/signingKeyId").asText()).isEqualTo(keyId);

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(keys.get(keyId));
        jdk.update(entry);
        assertThat(jdk.verify(signature)).isTrue();
        entry[entry.length - 1] ^= 1;
        jdk.initVerify(keys.get(keyId));
        jdk.update(entry);
        assertThat(jdk.verify(signature)).isFalse();
        entry[entry.length - 1] ^= 1;

        Path dir = Files.createTempDirectory("sijil-openssl");
        Files.write(dir.resolve("entry.bin"), entry);
        Files.write(dir.resolve("entry.sig"), signature);
        Files.writeString(dir.resolve("key.pem"), pems.get(keyId), StandardCharsets.US_ASCII);
        Process openssl = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "key.pem",
                "-rawin", "-in", "entry.bin", "-sigfile", "entry.sig")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("Signature Verified Successfully");
        assertThat(openssl.exitValue()).isZero();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("ETag")).isNotNull();
    }

    private static boolean containsSubsequence(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
