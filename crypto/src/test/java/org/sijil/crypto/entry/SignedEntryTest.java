package org.sijil.crypto.entry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sijil.crypto.sign.SigningKey;

class SignedEntryTest {

    private static final SignedEntry ENTRY = new SignedEntry(
            "3f2a9c1e-7b4d-4e8a-9c21-5d6e7f809a1b", "Person", "c0a80101-0000-4000-8000-000000000001", 42L,
            "org.sijil.core.api.NameChangedEvent", "2", "2025-03-01T10:15:30.123Z",
            "محمد علي حسين".getBytes(UTF_8), new byte[] {1, 2, 3}, "21fe31dfa154a261");

    @Test
    void decodeOfEncodeGivesTheSameEntry() throws Exception {
        assertThat(SignedEntry.decode(ENTRY.encode())).isEqualTo(ENTRY).hasSameHashCodeAs(ENTRY);
    }

    @Test
    void nullAndEmptyOptionalFieldsEncodeDifferentlyAndRoundTrip() throws Exception {
        SignedEntry withNulls = withOptional(null, null);
        SignedEntry withEmpty = withOptional("", "");

        assertThat(withNulls.encode()).isNotEqualTo(withEmpty.encode());
        assertThat(SignedEntry.decode(withNulls.encode())).isEqualTo(withNulls);
        assertThat(SignedEntry.decode(withEmpty.encode())).isEqualTo(withEmpty);
        assertThat(SignedEntry.decode(withNulls.encode()).payloadRevision()).isNull();
        assertThat(SignedEntry.decode(withEmpty.encode()).payloadRevision()).isEmpty();
    }

    @Test
    void rejectsEveryTruncation() {
        byte[] bytes = ENTRY.encode();

        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> SignedEntry.decode(truncated)).as("length %d", length)
                    .isInstanceOf(MalformedEntryException.class);
        }
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] bytes = Arrays.copyOf(ENTRY.encode(), ENTRY.encode().length + 1);

        assertThatThrownBy(() -> SignedEntry.decode(bytes)).isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void rejectsBadMagicAndUnknownVersion() {
        byte[] badMagic = ENTRY.encode();
        badMagic[0] = 'X';
        byte[] badVersion = ENTRY.encode();
        badVersion[4] = 2;

        assertThatThrownBy(() -> SignedEntry.decode(badMagic)).isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("magic");
        assertThatThrownBy(() -> SignedEntry.decode(badVersion)).isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("version");
    }

    @Test
    void rejectsAbsentMarkerOnARequiredField() {
        byte[] bytes = ENTRY.encode();
        // The eventId length starts right after the 4-byte magic and the version byte.
        bytes[5] = bytes[6] = bytes[7] = bytes[8] = (byte) 0xff;

        assertThatThrownBy(() -> SignedEntry.decode(bytes)).isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("eventId");
    }

    @Test
    void rejectsTextThatIsNotUtf8() {
        SignedEntry entry = new SignedEntry("x", null, "a", 0, "T", null, "t", new byte[0], new byte[0], "k");
        byte[] bytes = entry.encode();
        // eventId "x" is the byte at offset 9; 0xc0 is never valid in UTF-8.
        bytes[9] = (byte) 0xc0;

        assertThatThrownBy(() -> SignedEntry.decode(bytes)).isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void everyOneBitFlipIsRejectedOrDecodesToADifferentEntry() {
        byte[] bytes = ENTRY.encode();

        for (int bit = 0; bit < bytes.length * 8; bit++) {
            byte[] flipped = bytes.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            try {
                assertThat(SignedEntry.decode(flipped)).as("bit %d", bit).isNotEqualTo(ENTRY);
            } catch (MalformedEntryException expected) {
                // refused outright: fine
            }
        }
    }

    @Test
    void signatureOverEncodedBytesFailsForEveryFlippedBit() {
        SigningKey key = SigningKey.generate(new SecureRandom());
        byte[] bytes = ENTRY.encode();
        byte[] signature = key.sign(bytes);

        for (int bit = 0; bit < bytes.length * 8; bit++) {
            byte[] flipped = bytes.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(key.verificationKey().verify(flipped, signature)).as("bit %d", bit).isFalse();
        }
    }

    @Test
    void checksPreconditions() {
        assertThatThrownBy(() -> new SignedEntry(null, null, "a", 0, "T", null, "t", new byte[0], new byte[0], "k"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SignedEntry("e", null, "a", -1, "T", null, "t", new byte[0], new byte[0], "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignedEntry("e\uD800", null, "a", 0, "T", null, "t", new byte[0], new byte[0], "k"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arraysAreCopiedInAndOutAndComparedByContent() {
        byte[] payload = {9, 9};
        SignedEntry entry = new SignedEntry("e", null, "a", 0, "T", null, "t", payload, new byte[0], "k");
        payload[0] = 0;
        entry.payload()[1] = 0;

        assertThat(entry.payload()).containsExactly(9, 9);
        assertThat(entry).isEqualTo(new SignedEntry("e", null, "a", 0, "T", null, "t", new byte[] {9, 9}, new byte[0], "k"));
        assertThat(entry.toString()).contains("payload=2 bytes");
    }

    private static SignedEntry withOptional(String aggregateType, String payloadRevision) {
        return new SignedEntry("e", aggregateType, "a", 0, "T", payloadRevision, "t", new byte[0], new byte[0], "k");
    }
}
