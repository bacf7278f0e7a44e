package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.axonframework.springboot.updates.UpdateCheckConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded default runs durably, keeps its keys private and never phones home. */
class EmbeddedDefaultIT extends IntegrationTest {

    @Autowired
    UpdateCheckConfiguration updateCheck;

    @Test
    void embeddedPostgresRunsWithFsyncAndSynchronousCommitOn() {
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW data_directory", String.class))
                .isEqualTo(DATA.resolve("postgres").toAbsolutePath().toString());
    }

    @Test
    void axonsUpdateCheckIsDisabled() {
        assertThat(updateCheck.getDisabled()).isTrue();
    }

    @Test
    void keyFilesAreReadableByTheirOwnerOnly() throws Exception {
        register("registrar-baghdad", People.adultMan("BGD"));
        try (Stream<Path> files = Files.list(DATA.resolve("keys"))) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file ->
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                            .isEqualTo("rw-------"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA.resolve("keys"))))
                .isEqualTo("rwx------");
    }

    @Test
    void referenceDataIsSeeded() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM governorate", Long.class)).isEqualTo(19);
        assertThat(api.get("/api/v1/reference/governorates", null).json()).hasSize(19);
    }
}
