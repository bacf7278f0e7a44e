package org.sijil.crypto.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMasterKeyTest {

    private static final byte[] CONTEXT = "person:c0a80101-0000-4000-8000-000000000001".getBytes(UTF_8);

    @TempDir
    Path temp;

    @Test
    void createsAnOwnerOnlyBase64KeyFileAndLeavesNoTemporaryFiles() throws Exception {
        Path file = temp.resolve("master.key");

        FileMasterKey master = FileMasterKey.openOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = Files.readString(file);
        assertThat(text).matches("[A-Za-z0-9+/]{43}=\n");
        byte[] key = Base64.getDecoder().decode(text.strip());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
        assertThat(master.keyId()).isEqualTo(HexFormat.of().formatHex(Arrays.copyOf(digest, 8)));
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void reopeningReadsTheSameKey() throws Exception {
        Path file = temp.resolve("master.key");
        FileMasterKey first = FileMasterKey.openOrCreate(file);
        byte[] dataKey = FieldCipher.newDataKey(new SecureRandom());
        byte[] wrapped = first.wrap(dataKey, CONTEXT);

        FileMasterKey again = FileMasterKey.openOrCreate(file);

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.unwrap(wrapped, CONTEXT)).isEqualTo(dataKey);
    }

    @Test
    void wrapsInTheFieldCipherFormatWithContextAsAssociatedData() throws Exception {
        Path file = temp.resolve("master.key");
        FileMasterKey master = FileMasterKey.openOrCreate(file);
        byte[] masterKey = Base64.getDecoder().decode(Files.readString(file).strip());
        byte[] dataKey = FieldCipher.newDataKey(new SecureRandom());

        byte[] wrapped = master.wrap(dataKey, CONTEXT);

        assertThat(FieldCipher.decrypt(masterKey, wrapped, CONTEXT)).isEqualTo(dataKey);
    }

    @Test
    void rejectsWrongContextWrongMasterKeyAndFlippedBits() throws Exception {
        FileMasterKey master = FileMasterKey.openOrCreate(temp.resolve("a.key"));
        FileMasterKey other = FileMasterKey.openOrCreate(temp.resolve("b.key"));
        byte[] wrapped = master.wrap(FieldCipher.newDataKey(new SecureRandom()), CONTEXT);

        assertThatThrownBy(() -> master.unwrap(wrapped, "person:someone-else".getBytes(UTF_8)))
                .isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> other.unwrap(wrapped, CONTEXT)).isInstanceOf(DecryptionException.class);
        for (int bit = 0; bit < wrapped.length * 8; bit++) {
            byte[] flipped = wrapped.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> master.unwrap(flipped, CONTEXT)).as("bit %d", bit)
                    .isInstanceOf(DecryptionException.class);
        }
    }

    @Test
    void refusesAFileThatDoesNotHoldA32ByteKey() throws Exception {
        Path file = temp.resolve("short.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]) + "\n");

        assertThatThrownBy(() -> FileMasterKey.openOrCreate(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("16 bytes");
    }
}
