package org.sijil.crypto.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sijil.crypto.sign.SigningKey;
import org.sijil.crypto.sign.VerificationKey;

/**
 * The worked examples of docs/signed-entry-format.md (vectors/signed-entry.json), one case per
 * vector: our encoder must produce exactly the published bytes, and the published signature must
 * be the one the RFC 8032 TEST 1 key makes over them.
 */
class SignedEntryVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> vectors() throws IOException {
        Map<String, Object> file = load();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> vectors = (List<Map<String, Object>>) file.get("vectors");
        return vectors.stream().map(v -> Arguments.of(v.get("name"), file, v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesExactlyThePublishedBytes(String name, Map<String, Object> file, Map<String, Object> v)
            throws Exception {
        SignedEntry entry = entryOf(v);
        byte[] expected = HEX.parseHex((String) v.get("encodedHex"));

        assertThat(HEX.formatHex(entry.encode())).isEqualTo(v.get("encodedHex"));
        assertThat(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(expected)))
                .isEqualTo(v.get("sha256Hex"));
        assertThat(SignedEntry.decode(expected)).isEqualTo(entry);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void publishedSignatureIsTheTestKeysSignatureOverTheBytes(String name, Map<String, Object> file,
                                                              Map<String, Object> v) {
        SigningKey key = SigningKey.fromPkcs8Pem(pkcs8Pem(HEX.parseHex((String) file.get("signingKeySeedHex"))));
        VerificationKey published = VerificationKey.fromSpkiPem((String) file.get("publicKeyPem"));
        byte[] bytes = HEX.parseHex((String) v.get("encodedHex"));
        byte[] signature = Base64.getDecoder().decode((String) v.get("signatureBase64"));

        assertThat(published).isEqualTo(key.verificationKey());
        assertThat(HEX.formatHex(published.raw())).isEqualTo(file.get("publicKeyHex"));
        assertThat(published.keyId()).isEqualTo(file.get("keyId")).isEqualTo(v.get("keyId"));
        assertThat(key.sign(bytes)).isEqualTo(signature);
        assertThat(published.verify(bytes, signature)).isTrue();
    }

    private static SignedEntry entryOf(Map<String, Object> v) {
        return new SignedEntry(
                (String) v.get("eventId"),
                (String) v.get("aggregateType"),
                (String) v.get("aggregateId"),
                (Long) v.get("sequenceNumber"),
                (String) v.get("payloadType"),
                (String) v.get("payloadRevision"),
                (String) v.get("timestamp"),
                HEX.parseHex((String) v.get("payloadHex")),
                HEX.parseHex((String) v.get("metadataHex")),
                (String) v.get("keyId"));
    }

    private static String pkcs8Pem(byte[] seed) {
        byte[] der = HEX.parseHex("302e020100300506032b657004220420" + HEX.formatHex(seed));
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() throws IOException {
        try (InputStream in = SignedEntryVectorsTest.class.getResourceAsStream("/vectors/signed-entry.json")) {
            if (in == null) {
                throw new IOException("vectors/signed-entry.json is missing from the test class path");
            }
            return (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
