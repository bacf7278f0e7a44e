package org.sijil.ops.verifier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a trail bundle ({@code docs/trail-bundle.md}) from the database: every leaf with its
 * signed entry bytes and signature, every checkpoint, the log's consistency proofs between
 * successive checkpoints, the event rows not yet logged, and optionally the published keys and
 * the wrapped data keys. Everything comes from one read-only snapshot and is streamed.
 */
final class TrailExporter {

    private final ObjectMapper json;

    TrailExporter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param out           a {@code .zip} file, or a directory (created if absent)
     * @param keysJson      the published keys file's text to include, or null
     * @param logKey        the log's verifier key to include, or null
     * @param withDataKeys  whether to include the wrapped data keys (useless without the master key)
     * @return the manifest written
     */
    Bundle.Manifest export(JdbcTrail trail, Path out, String keysJson, String logKey, boolean withDataKeys)
            throws IOException {
        try (Sink sink = out.getFileName().toString().endsWith(".zip") ? new ZipSink(out) : new DirectorySink(out)) {
            long[] leaves = {0};
            ObjectWriter lines = json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            try (OutputStream entries = sink.open(Bundle.ENTRIES)) {
                trail.readLeaves(0, leaf -> {
                    byte[] entry = leaf.entry() == null ? null : leaf.entry().encode();
                    writeLine(lines, entries, new Bundle.EntryLine(leaf.leafIndex(), leaf.globalIndex(),
                            leaf.logEventId(), b64(leaf.storedLeafHash()), b64(entry), b64(leaf.signature())));
                    leaves[0]++;
                    return true;
                });
            }
            List<Trail.StoredCheckpoint> checkpoints = trail.checkpoints();
            try (OutputStream stream = sink.open(Bundle.CHECKPOINTS)) {
                for (Trail.StoredCheckpoint checkpoint : checkpoints) {
                    writeLine(lines, stream, new Bundle.CheckpointLine(checkpoint.treeSize(),
                            b64(checkpoint.rootHash()), checkpoint.issuedAt(), checkpoint.signedNote()));
                }
            }
            try (OutputStream stream = sink.open(Bundle.CONSISTENCY)) {
                long previous = 0;
                for (Trail.StoredCheckpoint checkpoint : checkpoints) {
                    long size = checkpoint.treeSize();
                    if (previous > 0 && size <= leaves[0]) {
                        List<byte[]> hashes;
                        try {
                            hashes = trail.consistencyProof(previous, size).orElseThrow();
                        } catch (IOException e) {
                            // The bundle records what the log can prove; verifying it reports the gap.
                            previous = size;
                            continue;
                        }
                        List<String> proof = new ArrayList<>();
                        for (byte[] hash : hashes) {
                            proof.add(b64(hash));
                        }
                        writeLine(lines, stream, new Bundle.ConsistencyLine(previous, size, proof));
                    }
                    previous = size;
                }
            }
            long[] unlogged = {0};
            try (OutputStream stream = sink.open(Bundle.UNLOGGED)) {
                trail.forEachUnlogged(event -> {
                    writeLine(lines, stream, new Bundle.UnloggedLine(event.globalIndex(), event.entry().eventId(),
                            b64(event.entry().encode()), b64(event.signature()), trail.inFlight(event.globalIndex())));
                    unlogged[0]++;
                });
            }
            if (withDataKeys) {
                try (OutputStream stream = sink.open(Bundle.DATA_KEYS)) {
                    trail.forEachDataKey(row -> writeLine(lines, stream,
                            new Bundle.DataKeyLine(row.personId().toString(), b64(row.wrappedKey()))));
                }
            }
            if (keysJson != null) {
                try (OutputStream stream = sink.open(Bundle.KEYS)) {
                    stream.write(keysJson.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (logKey != null) {
                try (OutputStream stream = sink.open(Bundle.LOG_KEY)) {
                    stream.write((logKey.strip() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            Trail.Coverage coverage = trail.coverage();
            Bundle.Manifest manifest = new Bundle.Manifest(Bundle.FORMAT, Bundle.VERSION, trail.description(),
                    Instant.now().toString(), leaves[0], coverage.eventRows(), checkpoints.size(), withDataKeys);
            try (OutputStream stream = sink.open(Bundle.MANIFEST)) {
                json.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .writeValue(stream, manifest);
                stream.write('\n');
            }
            if (unlogged[0] != coverage.eventRows() - coverage.logged()) {
                throw new IOException("the snapshot changed during export: " + unlogged[0] + " unlogged rows written, "
                        + (coverage.eventRows() - coverage.logged()) + " counted");
            }
            return manifest;
        }
    }

    private static void writeLine(ObjectWriter writer, OutputStream out, Object line) throws IOException {
        writer.writeValue(out, line);
        out.write('\n');
    }

    private static String b64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    /** Where bundle files go. */
    private interface Sink extends AutoCloseable {
        OutputStream open(String name) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static final class DirectorySink implements Sink {
        private final Path directory;

        DirectorySink(Path directory) throws IOException {
            this.directory = Files.createDirectories(directory);
        }

        @Override
        public OutputStream open(String name) throws IOException {
            return new BufferedOutputStream(Files.newOutputStream(directory.resolve(name)), 1 << 16);
        }

        @Override
        public void close() {
        }
    }

    private static final class ZipSink implements Sink {
        private final ZipOutputStream zip;

        ZipSink(Path file) throws IOException {
            this.zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        @Override
        public OutputStream open(String name) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            return new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    zip.closeEntry();
                }
            };
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
