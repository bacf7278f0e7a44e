package org.sijil.crypto.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path temp;

    @Test
    void anExistingDirectoryIsTightenedAndAMissingOneMadeOwnerOnly() throws IOException {
        Path open = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));

        PrivateFiles.restrictDirectory(open);
        PrivateFiles.restrictDirectory(temp.resolve("new/deeper"));

        assertThat(mode(open)).isEqualTo("rwx------");
        assertThat(mode(temp.resolve("new/deeper"))).isEqualTo("rwx------");
    }

    @Test
    void aTreeWrittenWithAWideUmaskBecomesOwnerOnly() throws IOException {
        Path log = Files.createDirectories(temp.resolve("kafka/topic-0"));
        Path segment = Files.writeString(log.resolve("00000000000000000000.log"), "records");
        Files.setPosixFilePermissions(temp.resolve("kafka"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(segment, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.restrictTree(temp.resolve("kafka"));

        assertThat(mode(temp.resolve("kafka"))).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rwx------");
        assertThat(mode(segment)).isEqualTo("rw-------");
        assertThat(Files.readString(segment)).isEqualTo("records");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
