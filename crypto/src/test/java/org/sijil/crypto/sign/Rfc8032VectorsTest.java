package org.sijil.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** RFC 8032 section 7.1 Ed25519 vectors, one case per vector (vectors/rfc8032-ed25519.csv). */
class Rfc8032VectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/vectors/rfc8032-ed25519.csv", useHeadersInDisplayName = false,
            numLinesToSkip = 1, maxCharsPerColumn = 8192, nullValues = {})
    void signsAndVerifiesExactlyAsTheRfcSays(String name, String secretKey, String publicKey,
                                             String message, String signature) {
        SigningKey key = SigningKey.fromPkcs8Pem(TestKeys.pkcs8Pem(HEX.parseHex(secretKey)));
        byte[] msg = message == null ? new byte[0] : HEX.parseHex(message);

        assertThat(HEX.formatHex(key.verificationKey().raw())).isEqualTo(publicKey);
        assertThat(HEX.formatHex(key.sign(msg))).isEqualTo(signature);
        assertThat(VerificationKey.fromRaw(HEX.parseHex(publicKey)).verify(msg, HEX.parseHex(signature)))
                .isTrue();
    }
}
