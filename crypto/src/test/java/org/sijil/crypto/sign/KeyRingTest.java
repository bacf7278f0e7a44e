package org.sijil.crypto.sign;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MESSAGE = "death registered".getBytes(UTF_8);

    private final SigningKey first = SigningKey.generate(RANDOM);
    private final SigningKey second = SigningKey.generate(RANDOM);
    private final KeyRing ring = new KeyRing(List.of(first.verificationKey(), second.verificationKey()));

    @Test
    void findsKeysByIdAndKeepsTheirOrder() {
        assertThat(ring.find(second.keyId())).contains(second.verificationKey());
        assertThat(ring.find("0000000000000000")).isEmpty();
        assertThat(ring.keys()).containsExactly(first.verificationKey(), second.verificationKey());
    }

    @Test
    void acceptsSignatureOfTheNamedKey() {
        assertThatCode(() -> ring.verify(first.keyId(), MESSAGE, first.sign(MESSAGE))).doesNotThrowAnyException();
    }

    @Test
    void reportsUnknownKey() {
        SigningKey stranger = SigningKey.generate(RANDOM);

        SignatureCheckException e = catchThrowableOfType(SignatureCheckException.class,
                () -> ring.verify(stranger.keyId(), MESSAGE, stranger.sign(MESSAGE)));

        assertThat(e.reason()).isEqualTo(SignatureCheckException.Reason.UNKNOWN_KEY);
        assertThat(e.keyId()).isEqualTo(stranger.keyId());
        assertThat(e).hasMessageContaining(stranger.keyId());
    }

    @Test
    void reportsBadSignatureWhenAnotherKnownKeySigned() {
        SignatureCheckException e = catchThrowableOfType(SignatureCheckException.class,
                () -> ring.verify(first.keyId(), MESSAGE, second.sign(MESSAGE)));

        assertThat(e.reason()).isEqualTo(SignatureCheckException.Reason.BAD_SIGNATURE);
        assertThat(e.keyId()).isEqualTo(first.keyId());
    }

    @Test
    void rejectsSignatureWithOneBitFlipped() {
        byte[] signature = first.sign(MESSAGE);
        signature[10] ^= 0x04;

        SignatureCheckException e = catchThrowableOfType(SignatureCheckException.class,
                () -> ring.verify(first.keyId(), MESSAGE, signature));

        assertThat(e.reason()).isEqualTo(SignatureCheckException.Reason.BAD_SIGNATURE);
    }

    @Test
    void sameKeyTwiceIsKeptOnce() {
        KeyRing twice = new KeyRing(List.of(first.verificationKey(), first.verificationKey()));

        assertThat(twice.keys()).containsExactly(first.verificationKey());
    }
}
