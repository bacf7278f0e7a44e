package org.sijil.crypto.sign;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MESSAGE = "birth registered".getBytes(UTF_8);

    @Test
    void keyIdIsHexOfFirstEightBytesOfSha256OfRawPublicKey() throws Exception {
        VerificationKey key = TestKeys.rfc8032Test1().verificationKey();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.raw());

        assertThat(key.keyId()).isEqualTo(HexFormat.of().formatHex(Arrays.copyOf(digest, 8)))
                .hasSize(16).matches("[0-9a-f]{16}");
        assertThat(TestKeys.rfc8032Test1().keyId()).isEqualTo(key.keyId());
    }

    @Test
    void privateKeyPemRoundTripsToTheSameKey() {
        SigningKey key = SigningKey.generate(RANDOM);
        String pem = key.toPkcs8Pem();

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        SigningKey back = SigningKey.fromPkcs8Pem(pem);
        assertThat(back.verificationKey()).isEqualTo(key.verificationKey());
        assertThat(back.sign(MESSAGE)).isEqualTo(key.sign(MESSAGE));
    }

    @Test
    void privateKeyPemIsTheRfc8410Encoding() {
        // RFC 8410 section 10.3 gives this PEM for the key whose seed starts d4ee72db.
        String rfc8410 = "-----BEGIN PRIVATE KEY-----\n"
                + "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n"
                + "-----END PRIVATE KEY-----\n";

        assertThat(SigningKey.fromPkcs8Pem(rfc8410).toPkcs8Pem()).isEqualTo(rfc8410);
    }

    @Test
    void publicKeyPemRoundTripsAndIsTheRfc8410Encoding() {
        // RFC 8410 section 10.1.
        String rfc8410 = "-----BEGIN PUBLIC KEY-----\n"
                + "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
                + "-----END PUBLIC KEY-----\n";

        VerificationKey key = VerificationKey.fromSpkiPem(rfc8410);
        assertThat(key.toSpkiPem()).isEqualTo(rfc8410);
        assertThat(VerificationKey.fromSpkiPem(key.toSpkiPem())).isEqualTo(key);
    }

    @Test
    void rejectsPemOfTheWrongKindOrAlgorithm() throws Exception {
        SigningKey key = SigningKey.generate(RANDOM);
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        String ecPublic = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(ec.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        assertThatThrownBy(() -> SigningKey.fromPkcs8Pem(key.verificationKey().toSpkiPem()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerificationKey.fromSpkiPem(key.toPkcs8Pem()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerificationKey.fromSpkiPem(ecPublic))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKey.fromPkcs8Pem("-----BEGIN PRIVATE KEY-----\n!!\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerificationKey.fromRaw(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifiesItsOwnSignature() {
        SigningKey key = SigningKey.generate(RANDOM);

        assertThat(key.verificationKey().verify(MESSAGE, key.sign(MESSAGE))).isTrue();
    }

    @Test
    void rejectsSignatureWithOneBitFlipped() {
        SigningKey key = SigningKey.generate(RANDOM);
        byte[] signature = key.sign(MESSAGE);

        for (int bit = 0; bit < signature.length * 8; bit++) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(key.verificationKey().verify(MESSAGE, flipped)).as("bit %d", bit).isFalse();
        }
    }

    @Test
    void rejectsMessageWithOneBitFlipped() {
        SigningKey key = SigningKey.generate(RANDOM);
        byte[] signature = key.sign(MESSAGE);

        for (int bit = 0; bit < MESSAGE.length * 8; bit++) {
            byte[] flipped = MESSAGE.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(key.verificationKey().verify(flipped, signature)).as("bit %d", bit).isFalse();
        }
    }

    @Test
    void rejectsSignatureOfWrongLengthOrNullWithoutThrowing() {
        SigningKey key = SigningKey.generate(RANDOM);
        byte[] signature = key.sign(MESSAGE);
        VerificationKey verifier = key.verificationKey();

        assertThat(verifier.verify(MESSAGE, Arrays.copyOf(signature, 63))).isFalse();
        assertThat(verifier.verify(MESSAGE, Arrays.copyOf(signature, 65))).isFalse();
        assertThat(verifier.verify(MESSAGE, new byte[0])).isFalse();
        assertThat(verifier.verify(MESSAGE, null)).isFalse();
        assertThat(verifier.verify(null, signature)).isFalse();
        assertThat(verifier.verify(MESSAGE, new byte[64])).isFalse();
    }

    @Test
    void rejectsSignatureWithNonCanonicalScalar() {
        SigningKey key = SigningKey.generate(RANDOM);
        byte[] signature = key.sign(MESSAGE);
        // S + L encodes the same scalar mod L; strict verification must refuse it (RFC 8032 5.1.7).
        byte[] l = HexFormat.of().parseHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        byte[] malleated = signature.clone();
        int carry = 0;
        for (int i = 0; i < 32; i++) {
            int sum = (signature[32 + i] & 0xff) + (l[i] & 0xff) + carry;
            malleated[32 + i] = (byte) sum;
            carry = sum >> 8;
        }

        assertThat(key.verificationKey().verify(MESSAGE, malleated)).isFalse();
    }

    @Test
    void rejectsSignatureByAnotherKey() {
        SigningKey key = SigningKey.generate(RANDOM);
        SigningKey other = SigningKey.generate(RANDOM);

        assertThat(key.verificationKey().verify(MESSAGE, other.sign(MESSAGE))).isFalse();
    }

    @Test
    void signatureVerifiesWithTheJdkEd25519() throws Exception {
        SigningKey key = SigningKey.generate(RANDOM);
        PublicKey jdkKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(java.util.Base64.getMimeDecoder().decode(
                        key.verificationKey().toSpkiPem().replaceAll("-----[A-Z ]+-----", ""))));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkKey);
        jdk.update(MESSAGE);

        assertThat(jdk.verify(key.sign(MESSAGE))).isTrue();
    }

    @Test
    void jdkSignatureVerifiesWithVerificationKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(MESSAGE);
        byte[] signature = jdk.sign();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        VerificationKey key = VerificationKey.fromSpkiPem(pem);
        assertThat(key.verify(MESSAGE, signature)).isTrue();
        String privatePem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertThat(SigningKey.fromPkcs8Pem(privatePem).sign(MESSAGE)).isEqualTo(signature);
    }

    @Test
    void signsManyMessagesConcurrently() throws Exception {
        SigningKey key = SigningKey.generate(RANDOM);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                byte[] message = ("event " + i).getBytes(UTF_8);
                results.add(pool.submit(() -> key.verificationKey().verify(message, key.sign(message))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void verificationKeysAreEqualByRawBytes() {
        SigningKey key = SigningKey.generate(RANDOM);
        VerificationKey copy = VerificationKey.fromRaw(key.verificationKey().raw());

        assertThat(copy).isEqualTo(key.verificationKey()).hasSameHashCodeAs(key.verificationKey());
        assertThat(copy).isNotEqualTo(SigningKey.generate(RANDOM).verificationKey());
        byte[] raw = copy.raw();
        raw[0] ^= 1;
        assertThat(copy.raw()).isNotEqualTo(raw);
    }

    @Test
    void toStringRevealsOnlyTheKeyId() {
        SigningKey key = SigningKey.generate(RANDOM);

        assertThat(key.toString()).isEqualTo("SigningKey[keyId=" + key.keyId() + "]");
    }
}
