package org.sijil.crypto.sign;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyDirectoryTest {

    private static final byte[] MESSAGE = "marriage registered".getBytes(UTF_8);

    @TempDir
    Path temp;

    @Test
    void firstOpenCreatesOwnerOnlyDirectoryAndGeneratesOneKey() throws IOException {
        Path dir = temp.resolve("keys");
        KeyDirectory keys = KeyDirectory.open(dir);

        SigningKey active = keys.activeKey();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(keyFiles(dir)).hasSize(1);
        Path file = keyFiles(dir).get(0);
        assertThat(file.getFileName().toString()).matches("signing-\\d{14}-" + active.keyId() + "\\.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo(active.toPkcs8Pem());
        assertThat(keys.verificationKeys()).containsExactly(active.verificationKey());
    }

    @Test
    void reopeningReturnsTheSameKey() {
        Path dir = temp.resolve("keys");
        SigningKey first = KeyDirectory.open(dir).activeKey();

        SigningKey again = KeyDirectory.open(dir).activeKey();

        assertThat(again.verificationKey()).isEqualTo(first.verificationKey());
        assertThat(KeyDirectory.open(dir).verificationKeys()).hasSize(1);
    }

    @Test
    void rotateAddsANewActiveKeyAndOldSignaturesStillVerify() throws Exception {
        Path dir = temp.resolve("keys");
        KeyDirectory keys = KeyDirectory.open(dir);
        SigningKey old = keys.activeKey();
        byte[] oldSignature = old.sign(MESSAGE);

        SigningKey rotated = keys.rotate();

        assertThat(rotated.keyId()).isNotEqualTo(old.keyId());
        assertThat(keys.activeKey()).isSameAs(rotated);
        assertThat(KeyDirectory.open(dir).activeKey().verificationKey()).isEqualTo(rotated.verificationKey());
        assertThat(keys.verificationKeys()).containsExactly(old.verificationKey(), rotated.verificationKey());
        KeyRing ring = new KeyRing(keys.verificationKeys());
        assertThatCode(() -> ring.verify(old.keyId(), MESSAGE, oldSignature)).doesNotThrowAnyException();
        assertThatCode(() -> ring.verify(rotated.keyId(), MESSAGE, rotated.sign(MESSAGE)))
                .doesNotThrowAnyException();
        for (Path file : keyFiles(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void rotationsWithinOneSecondOrAStoppedClockStayInCreationOrder() {
        Clock stopped = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
        KeyDirectory keys = new KeyDirectory(temp, new SecureRandom(), stopped);

        SigningKey a = keys.activeKey();
        SigningKey b = keys.rotate();
        SigningKey c = keys.rotate();

        assertThat(keys.verificationKeys())
                .containsExactly(a.verificationKey(), b.verificationKey(), c.verificationKey());
        assertThat(KeyDirectory.open(temp).activeKey().keyId()).isEqualTo(c.keyId());
    }

    @Test
    void ignoresOtherFilesAndRefusesAKeyFileWhoseNameLies() throws IOException {
        Files.writeString(temp.resolve("README"), "not a key");
        KeyDirectory keys = KeyDirectory.open(temp);
        SigningKey active = keys.activeKey();
        assertThat(keys.verificationKeys()).containsExactly(active.verificationKey());

        Files.writeString(temp.resolve("signing-29990101000000-0000000000000000.pem"), active.toPkcs8Pem());

        assertThatThrownBy(keys::verificationKeys).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0000000000000000");
    }

    private static List<Path> keyFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("signing-")).sorted().toList();
        }
    }
}
