package org.sijil.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** McGrew–Viega GCM specification vectors, one case per vector (vectors/aes256-gcm.csv). */
class GcmVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/vectors/aes256-gcm.csv", numLinesToSkip = 1)
    void sealsAndOpensExactlyAsTheSpecificationSays(String name, String key, String iv, String plaintext,
                                                    String aad, String ciphertext, String tag) throws Exception {
        byte[] k = HEX.parseHex(key);
        byte[] p = bytes(plaintext);
        byte[] a = bytes(aad);
        String expected = "01" + iv + (ciphertext == null ? "" : ciphertext) + tag;

        byte[] sealed = FieldCipher.encrypt(k, p, a, new FixedNonceRandom(HEX.parseHex(iv)));

        assertThat(HEX.formatHex(sealed)).isEqualTo(expected);
        assertThat(FieldCipher.decrypt(k, HEX.parseHex(expected), a)).isEqualTo(p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/vectors/aes256-gcm.csv", numLinesToSkip = 1)
    void sealsTheSameVectorTwiceOnOneThread(String name, String key, String iv, String plaintext,
                                            String aad, String ciphertext, String tag) {
        // the thread's sealing cipher refuses its last key and nonce; sealing must still succeed, alike
        byte[] k = HEX.parseHex(key);
        byte[] first = FieldCipher.encrypt(k, bytes(plaintext), bytes(aad), new FixedNonceRandom(HEX.parseHex(iv)));
        byte[] second = FieldCipher.encrypt(k, bytes(plaintext), bytes(aad), new FixedNonceRandom(HEX.parseHex(iv)));

        assertThat(second).isEqualTo(first);
        assertThat(HEX.formatHex(second)).isEqualTo("01" + iv + (ciphertext == null ? "" : ciphertext) + tag);
    }

    private static byte[] bytes(String hex) {
        return hex == null ? new byte[0] : HEX.parseHex(hex);
    }
}
