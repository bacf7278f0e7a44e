package org.sijil.crypto.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyedHashTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * RFC 4231's first test case with its key lengthened to 32 bytes of 0x0b: the expected value is
     * what {@code openssl mac -digest SHA256 -macopt hexkey:0b0b…0b HMAC} gives for "Hi There" (the same
     * command gives the RFC's own value, b0344c61…, for its 20-byte key).
     */
    @Test
    void isHmacSha256() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0x0b);

        assertThat(HexFormat.of().formatHex(new KeyedHash(key).hash("Hi There".getBytes(UTF_8))))
                .isEqualTo("198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7");
    }

    @Test
    void theSameValueGivesTheSameHashOnlyUnderTheSameKey() {
        byte[] key = FieldCipher.newDataKey(RANDOM);
        byte[] card = "IN7654321".getBytes(UTF_8);

        assertThat(new KeyedHash(key).hash(card)).hasSize(32).isEqualTo(new KeyedHash(key.clone()).hash(card));
        assertThat(new KeyedHash(key).hash(card)).isNotEqualTo(new KeyedHash(key).hash("IN7654322".getBytes(UTF_8)));
        assertThat(new KeyedHash(FieldCipher.newDataKey(RANDOM)).hash(card))
                .isNotEqualTo(new KeyedHash(key).hash(card));
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new KeyedHash(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
