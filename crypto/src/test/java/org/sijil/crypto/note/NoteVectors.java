package org.sijil.crypto.note;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.provider.Arguments;

/** Reads the vector files under {@code vectors/note/}. */
final class NoteVectors {

    private NoteVectors() {
    }

    static Properties properties(String file) {
        Properties properties = new Properties();
        try (Reader reader = open(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** {@code <description> | <body>} lines, with {@code \n} and {@code \r} unescaped. */
    static List<Arguments> malformedCheckpoints() {
        List<Arguments> cases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(open("checkpoint-malformed.txt"))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf(" | ");
                String body = line.substring(bar + 3).replace("\\n", "\n").replace("\\r", "\r");
                cases.add(Arguments.of(line.substring(0, bar), body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static Reader open(String file) {
        InputStream in = NoteVectors.class.getResourceAsStream("/vectors/note/" + file);
        if (in == null) {
            throw new IllegalStateException("missing vector file " + file);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
