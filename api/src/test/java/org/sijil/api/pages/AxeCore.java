package org.sijil.api.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * axe-core, the accessibility engine the browser tests run in every page. It comes from the npm
 * registry as its published package (the build has no other copy of it): fetched once into
 * {@code target/axe-core} with {@code npm pack} and unpacked with {@code tar}.
 */
final class AxeCore {

    static final String VERSION = "4.11.0";
    private static final Path DIR = Path.of("target", "axe-core");
    private static final Path SCRIPT = DIR.resolve("package").resolve("axe.min.js");

    private AxeCore() {
    }

    /** The script's source, or null with {@code why} filled in when it cannot be had. */
    static synchronized String source(StringBuilder why) {
        try {
            if (!Files.exists(SCRIPT)) {
                Files.createDirectories(DIR);
                String tarball = "axe-core-" + VERSION + ".tgz";
                run("npm", "pack", "--silent", "axe-core@" + VERSION, "--pack-destination", DIR.toString());
                run("tar", "xzf", DIR.resolve(tarball).toString(), "-C", DIR.toString());
            }
            return Files.readString(SCRIPT, StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException | IllegalStateException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            why.append("axe-core ").append(VERSION).append(" could not be fetched from the npm registry: ").append(e);
            return null;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
