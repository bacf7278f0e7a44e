package org.sijil.crypto.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PLAINTEXT = "فاطمة حسن جاسم".getBytes(UTF_8);
    private static final byte[] AAD = "person:c0a80101/givenName".getBytes(UTF_8);

    private final byte[] key = FieldCipher.newDataKey(RANDOM);

    @Test
    void roundTripsAndHasTheDocumentedLayout() throws Exception {
        byte[] sealed = FieldCipher.encrypt(key, PLAINTEXT, AAD, RANDOM);

        assertThat(sealed).hasSize(1 + 12 + PLAINTEXT.length + 16);
        assertThat(sealed[0]).isEqualTo((byte) 0x01);
        assertThat(FieldCipher.decrypt(key, sealed, AAD)).isEqualTo(PLAINTEXT);
        assertThat(FieldCipher.decrypt(key, FieldCipher.encrypt(key, new byte[0], new byte[0], RANDOM), new byte[0]))
                .isEmpty();
    }

    @Test
    void sealingTwiceUsesFreshNonces() {
        byte[] a = FieldCipher.encrypt(key, PLAINTEXT, AAD, RANDOM);
        byte[] b = FieldCipher.encrypt(key, PLAINTEXT, AAD, RANDOM);

        assertThat(Arrays.copyOfRange(a, 1, 13)).isNotEqualTo(Arrays.copyOfRange(b, 1, 13));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void newDataKeysAre32RandomBytes() {
        assertThat(FieldCipher.newDataKey(RANDOM)).hasSize(32).isNotEqualTo(key);
    }

    @Test
    void rejectsEveryOneBitFlipInVersionNonceCiphertextAndTag() {
        byte[] sealed = FieldCipher.encrypt(key, PLAINTEXT, AAD, RANDOM);

        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] flipped = sealed.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> FieldCipher.decrypt(key, flipped, AAD)).as("bit %d", bit)
                    .isInstanceOf(DecryptionException.class);
        }
    }

    @Test
    void rejectsEveryOneBitFlipInAssociatedData() {
        byte[] sealed = FieldCipher.encrypt(key, PLAINTEXT, AAD, RANDOM);

        for (int bit = 0; bit < AAD.length * 8; bit++) {
            byte[] flipped = AAD.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> FieldCipher.decrypt(key, sealed, flipped)).as("bit %d", bit)
                    .isInstanceOf(DecryptionException.class);
        }
    }

    @Test
    void rejectsWrongKeyAndMissingAssociatedData() {
        byte[] sealed = FieldCipher.encrypt(key, PLAINTEXT, AAD, RANDOM);

        assertThatThrownBy(() -> FieldCipher.decrypt(FieldCipher.newDataKey(RANDOM), sealed, AAD))
                .isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> FieldCipher.decrypt(key, sealed, new byte[0]))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void rejectsTruncatedOrUnversionedInput() {
        byte[] sealed = FieldCipher.encrypt(key, PLAINTEXT, AAD, RANDOM);
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 0x02;

        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            assertThatThrownBy(() -> FieldCipher.decrypt(key, truncated, AAD)).as("length %d", length)
                    .isInstanceOf(DecryptionException.class);
        }
        assertThatThrownBy(() -> FieldCipher.decrypt(key, otherVersion, AAD))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("version");
    }

    @Test
    void refusesKeysThatAreNot32Bytes() {
        assertThatThrownBy(() -> FieldCipher.encrypt(new byte[16], PLAINTEXT, AAD, RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldCipher.decrypt(new byte[31], new byte[40], AAD))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
