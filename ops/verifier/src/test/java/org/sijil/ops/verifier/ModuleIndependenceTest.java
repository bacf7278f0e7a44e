package org.sijil.ops.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verifier must not share code paths with what it verifies (docs/architecture.md): neither its
 * pom nor anything it pulls in may bring the application's modules or Axon.
 */
class ModuleIndependenceTest {

    private static final List<String> APPLICATION = List.of("sijil-api", "sijil-registry-core",
            "sijil-query-side", "registry-core", "query-side", "axon");

    @Test
    void pomDeclaresNoApplicationModule() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<artifactId>sijil-verifier</artifactId>", "<artifactId>sijil-crypto</artifactId>");
        for (String module : List.of("sijil-api", "sijil-registry-core", "sijil-query-side", "axon")) {
            assertThat(pom).doesNotContain("<artifactId>" + module);
        }
    }

    @Test
    void testClasspathHoldsNoApplicationModule() {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        assertThat(entries).anyMatch(entry -> entry.contains("crypto"));
        for (String entry : entries) {
            String name = Path.of(entry).getFileName().toString();
            assertThat(APPLICATION).noneMatch(name::startsWith);
            assertThat(entry).doesNotContain("/registry-core/", "/query-side/", "/api/target");
        }
    }
}
