package org.sijil.crypto.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class FeedSealTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PART = "{\"data\":{\"nationalNumber\":\"259170225870\"}}".getBytes(UTF_8);

    @Test
    void opensOnlyUnderItsKeyInItsOwnMessage() throws Exception {
        byte[] key = FieldCipher.newDataKey(RANDOM);
        byte[] sealed = FeedSeal.seal(key, PART, "health", "p-1", "e-1", RANDOM);

        assertThat(FeedSeal.open(key, sealed, "health", "p-1", "e-1")).isEqualTo(PART);
        assertThatThrownBy(() -> FeedSeal.open(FieldCipher.newDataKey(RANDOM), sealed, "health", "p-1", "e-1"))
                .isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> FeedSeal.open(key, sealed, "interior", "p-1", "e-1"))
                .isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> FeedSeal.open(key, sealed, "health", "p-2", "e-1"))
                .isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> FeedSeal.open(key, sealed, "health", "p-1", "e-2"))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void everyFlippedBitIsRefused() {
        byte[] key = FieldCipher.newDataKey(RANDOM);
        byte[] sealed = FeedSeal.seal(key, PART, "health", "p-1", "e-1", RANDOM);
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] flipped = sealed.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> FeedSeal.open(key, flipped, "health", "p-1", "e-1"))
                    .isInstanceOf(DecryptionException.class);
        }
    }

    @Test
    void theSealedPartHoldsNoPlaintext() {
        byte[] sealed = FeedSeal.seal(FieldCipher.newDataKey(RANDOM), PART, "health", "p-1", "e-1", RANDOM);

        assertThat(new String(sealed, UTF_8)).doesNotContain("259170225870");
    }
}
