package org.sijil.ops.verifier;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.sijil.crypto.entry.MalformedEntryException;
import org.sijil.crypto.entry.SignedEntry;

/**
 * A trail bundle written by {@link TrailExporter}, as a zip file or a directory
 * ({@code docs/trail-bundle.md}). The bundle is evidence, not authority: keys come from the
 * auditor, and every hash and signature in it is checked like the database's.
 */
final class BundleTrail implements Trail {

    private final Path path;
    private final ZipFile zip;
    private final ObjectMapper json;
    private final Bundle.Manifest manifest;
    private final Map<String, List<byte[]>> proofs = new HashMap<>();

    private BundleTrail(Path path, ZipFile zip, ObjectMapper json) throws IOException {
        this.path = path;
        this.zip = zip;
        this.json = json;
        try (InputStream in = open(Bundle.MANIFEST)) {
            this.manifest = json.readValue(in, Bundle.Manifest.class);
        }
        if (!Bundle.FORMAT.equals(manifest.format()) || manifest.version() != Bundle.VERSION) {
            throw new IOException(path + " is not a " + Bundle.FORMAT + " version " + Bundle.VERSION
                    + " (format " + manifest.format() + ", version " + manifest.version() + ")");
        }
        forEachLine(Bundle.CONSISTENCY, Bundle.ConsistencyLine.class, line -> {
            List<byte[]> proof = new ArrayList<>();
            for (String hash : line.proof()) {
                proof.add(decode(hash, "consistency proof hash"));
            }
            proofs.put(line.from() + "-" + line.to(), proof);
            return true;
        });
    }

    /** Opens a bundle: a {@code .zip} file or a directory. */
    static BundleTrail open(Path path, ObjectMapper json) throws IOException {
        if (Files.isDirectory(path)) {
            return new BundleTrail(path, null, json);
        }
        ZipFile zip = new ZipFile(path.toFile());
        try {
            return new BundleTrail(path, zip, json);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    Bundle.Manifest manifest() {
        return manifest;
    }

    @Override
    public String description() {
        return "bundle " + path + " (exported " + manifest.exportedAt() + " from " + manifest.source() + ")";
    }

    @Override
    public long leafCount() {
        return manifest.leafCount();
    }

    @Override
    public List<StoredCheckpoint> checkpoints() throws IOException {
        List<StoredCheckpoint> result = new ArrayList<>();
        forEachLine(Bundle.CHECKPOINTS, Bundle.CheckpointLine.class, line -> {
            result.add(new StoredCheckpoint(line.treeSize(), decode(line.rootHash(), "checkpoint root"),
                    line.note(), line.issuedAt()));
            return true;
        });
        result.sort((a, b) -> Long.compare(a.treeSize(), b.treeSize()));
        return result;
    }

    @Override
    public void readLeaves(long fromLeaf, LeafSink sink) throws IOException {
        forEachLine(Bundle.ENTRIES, Bundle.EntryLine.class, line -> {
            if (line.leafIndex() < fromLeaf) {
                return true;
            }
            byte[] entry = line.entry() == null ? null : decode(line.entry(), "entry");
            byte[] signature = line.signature() == null ? null : decode(line.signature(), "signature");
            return sink.accept(new LeafRecord(line.leafIndex(), line.globalIndex(), line.eventId(),
                    decode(line.leafHash(), "leaf hash"), null, entry, signature, null));
        });
    }

    @Override
    public OptionalLong leafWithHash(byte[] leafHash, long exceptLeaf) throws IOException {
        String wanted = Base64.getEncoder().encodeToString(leafHash);
        long[] found = {-1};
        forEachLine(Bundle.ENTRIES, Bundle.EntryLine.class, line -> {
            if (line.leafIndex() != exceptLeaf && wanted.equals(line.leafHash())) {
                found[0] = line.leafIndex();
                return false;
            }
            return true;
        });
        return found[0] < 0 ? OptionalLong.empty() : OptionalLong.of(found[0]);
    }

    /** The proof exported with the bundle; empty if the exporter wrote none for these sizes. */
    @Override
    public Optional<List<byte[]>> consistencyProof(long fromSize, long toSize) {
        return Optional.ofNullable(proofs.get(fromSize + "-" + toSize));
    }

    /** A bundle carries no stored hashes: its roots are recomputed from the entries alone. */
    @Override
    public Optional<byte[]> storedTreeHash(long size) {
        return Optional.empty();
    }

    @Override
    public Coverage coverage() throws IOException {
        long[] logged = {0, -1}; // rows present, last logged global index
        forEachLine(Bundle.ENTRIES, Bundle.EntryLine.class, line -> {
            if (line.entry() != null) {
                logged[0]++;
            }
            logged[1] = Math.max(logged[1], line.globalIndex());
            return true;
        });
        long[] unlogged = {0, 0}; // all unlogged rows, pending ones
        Bundle.UnloggedLine[] hole = {null};
        boolean[] marked = {true};
        forEachLine(Bundle.UNLOGGED, Bundle.UnloggedLine.class, line -> {
            unlogged[0]++;
            // The exporter marks each row by the sequencer's position; an unmarked row (older
            // bundles) is judged by the strict rule: below a logged row's global index is a hole.
            boolean inFlight = line.inFlight() != null ? line.inFlight() : line.globalIndex() > logged[1];
            marked[0] &= line.inFlight() != null;
            if (inFlight) {
                unlogged[1]++;
            } else if (hole[0] == null || line.globalIndex() < hole[0].globalIndex()) {
                hole[0] = line;
            }
            return true;
        });
        return new Coverage(logged[0] + unlogged[0], logged[0], unlogged[1],
                Optional.ofNullable(hole[0]).map(h -> new Unlogged(h.globalIndex(), h.eventId())), marked[0]);
    }

    @Override
    public List<StoredEvent> eventsOf(String aggregateId) throws IOException {
        List<StoredEvent> events = new ArrayList<>();
        forEachLine(Bundle.ENTRIES, Bundle.EntryLine.class, line -> {
            if (line.entry() != null) {
                SignedEntry entry = decodeEntry(line.entry(), line.eventId());
                if (aggregateId.equals(entry.aggregateId())) {
                    events.add(new StoredEvent(line.globalIndex(), entry, decode(line.signature(), "signature"),
                            line.leafIndex()));
                }
            }
            return true;
        });
        forEachLine(Bundle.UNLOGGED, Bundle.UnloggedLine.class, line -> {
            SignedEntry entry = decodeEntry(line.entry(), line.eventId());
            if (aggregateId.equals(entry.aggregateId())) {
                events.add(new StoredEvent(line.globalIndex(), entry, decode(line.signature(), "signature"), -1));
            }
            return true;
        });
        events.sort((a, b) -> Long.compare(a.entry().sequenceNumber(), b.entry().sequenceNumber()));
        return events;
    }

    @Override
    public Optional<DataKeyRow> dataKey(UUID personId) throws IOException {
        String wanted = personId.toString();
        DataKeyRow[] found = {null};
        forEachLine(Bundle.DATA_KEYS, Bundle.DataKeyLine.class, line -> {
            if (wanted.equals(line.personId())) {
                found[0] = new DataKeyRow(personId,
                        line.wrappedKey() == null ? null : decode(line.wrappedKey(), "wrapped key"));
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    private SignedEntry decodeEntry(String base64, String eventId) throws IOException {
        try {
            return SignedEntry.decode(decode(base64, "entry"));
        } catch (MalformedEntryException e) {
            throw new IOException("entry of event " + eventId + " is malformed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface LineHandler<T> {
        boolean handle(T line) throws IOException;
    }

    /** Streams the JSON lines of a bundle file; a missing optional file has no lines. */
    private <T> void forEachLine(String name, Class<T> type, LineHandler<T> handler) throws IOException {
        InputStream in;
        try {
            in = open(name);
        } catch (NoSuchFileException e) {
            if (name.equals(Bundle.ENTRIES) || name.equals(Bundle.CHECKPOINTS)) {
                throw e;
            }
            return;
        }
        ObjectReader reader = json.readerFor(type);
        try (in; MappingIterator<T> lines = reader.readValues(in)) {
            while (lines.hasNextValue()) {
                if (!handler.handle(lines.nextValue())) {
                    return;
                }
            }
        }
    }

    private InputStream open(String name) throws IOException {
        if (zip == null) {
            return new BufferedInputStream(Files.newInputStream(path.resolve(name)), 1 << 16);
        }
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new NoSuchFileException(path + "!/" + name);
        }
        return new BufferedInputStream(zip.getInputStream(entry), 1 << 16);
    }

    private static byte[] decode(String base64, String what) throws IOException {
        if (base64 == null) {
            throw new IOException("bundle " + what + " is missing");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IOException("bundle " + what + " is not base64: " + e.getMessage(), e);
        }
    }

    /** A bundle is the log's evidence; the access history is checked against the database. */
    @Override
    public boolean readAccessHistory(AccessSink sink) {
        return false;
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
