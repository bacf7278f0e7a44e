package org.sijil.ops.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sijil.crypto.entry.MalformedEntryException;
import org.sijil.crypto.entry.SignedEntry;
import org.sijil.crypto.merkle.ConsistencyProof;
import org.sijil.crypto.merkle.ProofException;
import org.sijil.crypto.merkle.Rfc6962;
import org.sijil.crypto.note.Checkpoint;
import org.sijil.crypto.note.NoteException;
import org.sijil.crypto.note.NoteVerifier;
import org.sijil.crypto.sign.KeyRing;
import org.sijil.crypto.sign.VerificationKey;

/**
 * Verifies a whole trail: every event's signature against the published keys, every leaf hash,
 * the Merkle tree and every signed checkpoint, consistency between successive checkpoints, that
 * every event row is logged, and that the citizens' access history lists exactly the signed access
 * events ({@link AccessHistoryCheck}).
 *
 * <p>A bounded pipeline: one thread streams leaves from the {@link Trail} in batches, a pool of
 * worker threads rebuilds each signed entry, hashes it and checks its signature (the expensive
 * part, so it runs on every core), and the calling thread takes the batches back in leaf order,
 * accumulates the tree in a {@link CompactRange} and checks checkpoints as their sizes are
 * reached. At most a few batches per worker are in flight, so memory stays bounded however long
 * the log. The first failure in leaf order stops everything.
 */
final class TrailVerifier {

    static final int BATCH = 512;

    private static final Future<List<Outcome>> END = CompletableFuture.completedFuture(List.of());

    private final KeyRing keys;
    private final NoteVerifier logKey;
    private final String origin;
    private final Options options;
    private final ObjectMapper json;

    /**
     * @param threads      signature-checking threads, at least 1
     * @param stopAfter    stop (and save the state) after this many leaves in this run; 0 for no limit
     * @param resumeFile   where to keep the resume state, or null
     * @param progress     where progress lines go, or null for none
     * @param progressEvery how often to report progress
     */
    record Options(int threads, long stopAfter, Path resumeFile, PrintStream progress, Duration progressEvery) {
    }

    /**
     * What a run verified.
     *
     * @param source              where the trail came from
     * @param firstLeaf           the leaf this run started at (non-zero when resumed)
     * @param leaves              leaves verified in all, including earlier runs
     * @param eventsThisRun       leaves (events) verified by this run
     * @param checkpoints         checkpoints verified in all
     * @param lastCheckpoint      size of the last checkpoint verified, or -1
     * @param keysUsed            events per signing key id, in all
     * @param complete            false if the run stopped early (see {@link Options#stopAfter})
     * @param coverage            event rows against leaves; null if the run stopped early
     * @param accessRows          access history rows checked against their events; -1 if the trail
     *                            carries none or the run stopped early
     * @param elapsed             time this run took
     */
    record Summary(String source, long firstLeaf, long leaves, long eventsThisRun, long checkpoints,
                   long lastCheckpoint, Map<String, Long> keysUsed, boolean complete, Trail.Coverage coverage,
                   long accessRows, Duration elapsed) {

        double eventsPerSecond() {
            double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
            return eventsThisRun / seconds;
        }
    }

    TrailVerifier(KeyRing keys, NoteVerifier logKey, String origin, Options options, ObjectMapper json) {
        if (options.threads() < 1) {
            throw new IllegalArgumentException("at least one verifying thread is needed");
        }
        this.keys = keys;
        this.logKey = logKey;
        this.origin = origin;
        this.options = options;
        this.json = json;
    }

    /**
     * Verifies {@code trail} from the resume state (or from the start).
     *
     * @throws TrailFailure at the first entry, in leaf order, that fails a check
     * @throws IOException  if the trail cannot be read (which proves nothing either way)
     */
    Summary verify(Trail trail, ResumeState state) throws TrailFailure, IOException {
        long started = System.nanoTime();
        Run run = new Run(trail, state);
        AtomicLong done = new AtomicLong();
        long total = trail.leafCount();
        Thread progress = startProgress(done, state.leaves(), total, started);
        try {
            run.pump(done);
        } finally {
            if (progress != null) {
                progress.interrupt();
            }
        }
        Trail.Coverage coverage = null;
        long accessRows = -1;
        if (run.complete) {
            run.checkRemainingCheckpoints();
            coverage = trail.coverage();
            if (coverage.firstHole().isPresent()) {
                Trail.Unlogged hole = coverage.firstHole().get();
                throw new TrailFailure(-1, hole.eventId(), "event row (global index " + hole.globalIndex()
                        + ") is not in the log, though "
                        + (coverage.sequencerKnown() ? "the sequencer has passed it" : "later rows are"));
            }
            accessRows = new AccessHistoryCheck(keys, json).check(trail);
        }
        run.saveState();
        return new Summary(trail.description(), state.leaves(), run.range.size(), run.range.size() - state.leaves(),
                run.checkpointsVerified, run.previousSize, new TreeMap<>(run.keysUsed), run.complete, coverage,
                accessRows, Duration.ofNanos(System.nanoTime() - started));
    }

    /** One verification run over one trail. */
    private final class Run {
        private final Trail trail;
        private final CompactRange range;
        private final List<Trail.StoredCheckpoint> checkpoints;
        private final Map<String, Long> keysUsed;
        private int nextCheckpoint;
        private long previousSize;
        private byte[] previousRoot;
        private long checkpointsVerified;
        private boolean complete = true;
        private long lastSaved = System.nanoTime();

        Run(Trail trail, ResumeState state) throws IOException, TrailFailure {
            this.trail = trail;
            this.range = state.range();
            this.checkpoints = trail.checkpoints();
            this.keysUsed = new TreeMap<>(state.keysUsed());
            this.previousSize = state.checkpointSize();
            this.previousRoot = state.checkpointRootBytes();
            this.checkpointsVerified = state.checkpointsVerified();
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize() <= previousSize) {
                nextCheckpoint++;
            }
            // A checkpoint no earlier run saw, for a size already passed: the log only grows, so an
            // honest log cannot have issued it after those leaves were read.
            if (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize() < range.size()) {
                long size = checkpoints.get(nextCheckpoint).treeSize();
                throw new TrailFailure(size - 1, null, "checkpoint " + size
                        + " was not there when the resume state passed leaf " + range.size() + " (backdated checkpoint)");
            }
            checkCheckpointsAt(null);
        }

        void pump(AtomicLong done) throws TrailFailure, IOException {
            AtomicBoolean stop = new AtomicBoolean();
            BlockingQueue<Future<List<Outcome>>> queue = new ArrayBlockingQueue<>(options.threads() * 4);
            AtomicInteger threadNumber = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(options.threads(), task -> {
                Thread thread = new Thread(task, "verify-" + threadNumber.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            Thread reader = new Thread(() -> read(queue, workers, stop), "verify-reader");
            reader.setDaemon(true);
            reader.start();
            long limit = options.stopAfter() > 0 ? range.size() + options.stopAfter() : Long.MAX_VALUE;
            try {
                while (true) {
                    Future<List<Outcome>> next = queue.take();
                    if (next == END) {
                        return;
                    }
                    for (Outcome outcome : await(next)) {
                        if (range.size() >= limit) {
                            complete = false;
                            return;
                        }
                        accept(outcome);
                        done.incrementAndGet();
                    }
                    if (System.nanoTime() - lastSaved > TimeUnit.SECONDS.toNanos(5)) {
                        saveState();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } finally {
                stop.set(true);
                queue.clear();
                reader.interrupt();
                workers.shutdownNow();
            }
        }

        private void read(BlockingQueue<Future<List<Outcome>>> queue, ExecutorService workers, AtomicBoolean stop) {
            try {
                List<List<Trail.LeafRecord>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
                trail.readLeaves(range.size(), leaf -> {
                    List<Trail.LeafRecord> current = batch.get(0);
                    current.add(leaf);
                    if (current.size() == BATCH) {
                        batch.set(0, new ArrayList<>(BATCH));
                        return hand(queue, workers.submit(() -> checkBatch(current)), stop);
                    }
                    return !stop.get();
                });
                List<Trail.LeafRecord> last = batch.get(0);
                if (!last.isEmpty() && hand(queue, workers.submit(() -> checkBatch(last)), stop)) {
                    hand(queue, END, stop);
                } else if (last.isEmpty()) {
                    hand(queue, END, stop);
                }
            } catch (IOException | RuntimeException e) {
                hand(queue, CompletableFuture.failedFuture(e), stop);
            }
        }

        /** Queues a batch unless the run has stopped; waits while the queue is full. */
        private boolean hand(BlockingQueue<Future<List<Outcome>>> queue, Future<List<Outcome>> batch, AtomicBoolean stop) {
            try {
                while (!stop.get()) {
                    if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        private List<Outcome> await(Future<List<Outcome>> batch) throws IOException, InterruptedException {
            try {
                return batch.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("verifying thread failed: " + e.getCause(), e.getCause());
            }
        }

        private void accept(Outcome outcome) throws TrailFailure, IOException {
            long expected = range.size();
            if (outcome.leafIndex() != expected) {
                throw new TrailFailure(expected, null, "the log has no leaf " + expected
                        + " (the next leaf stored is " + outcome.leafIndex() + ")");
            }
            if (outcome.problem() != null) {
                throw failure(outcome);
            }
            range.append(outcome.leafHash());
            keysUsed.merge(outcome.keyId(), 1L, Long::sum);
            checkCheckpointsAt(outcome);
        }

        /** Turns a failed outcome into its report, resolving what a leaf-hash mismatch means. */
        private TrailFailure failure(Outcome outcome) throws IOException {
            if (outcome.problem() != Problem.LEAF_HASH_MISMATCH) {
                return new TrailFailure(outcome.leafIndex(), outcome.logEventId(), outcome.detail());
            }
            OptionalLong other = trail.leafWithHash(outcome.leafHash(), outcome.leafIndex());
            if (other.isPresent()) {
                return new TrailFailure(outcome.leafIndex(), outcome.logEventId(),
                        "reordered: the row at global index " + outcome.globalIndex() + " (event "
                                + outcome.rowEventId() + ") has the leaf hash of leaf " + other.getAsLong());
            }
            if (!outcome.logEventId().equals(outcome.rowEventId())) {
                return new TrailFailure(outcome.leafIndex(), outcome.logEventId(),
                        "the leaf's row at global index " + outcome.globalIndex() + " holds event "
                                + outcome.rowEventId() + " (leaf hash mismatch)");
            }
            return new TrailFailure(outcome.leafIndex(), outcome.logEventId(),
                    "payload/metadata changed (leaf hash mismatch: logged " + hex(outcome.storedLeafHash())
                            + ", row hashes to " + hex(outcome.leafHash()) + ")");
        }

        /** Checks every checkpoint whose size is the number of leaves accumulated so far. */
        private void checkCheckpointsAt(Outcome last) throws TrailFailure, IOException {
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize() == range.size()) {
                checkCheckpoint(checkpoints.get(nextCheckpoint), last);
                nextCheckpoint++;
            }
        }

        private void checkCheckpoint(Trail.StoredCheckpoint stored, Outcome last) throws TrailFailure, IOException {
            long size = stored.treeSize();
            long leaf = last == null ? -1 : last.leafIndex();
            String eventId = last == null ? null : last.logEventId();
            String text;
            try {
                text = logKey.verify(stored.signedNote());
            } catch (NoteException e) {
                throw new TrailFailure(leaf, eventId, "checkpoint " + size + " signature: " + e.getMessage());
            }
            Checkpoint checkpoint;
            try {
                checkpoint = Checkpoint.parse(text);
            } catch (NoteException e) {
                throw new TrailFailure(leaf, eventId, "checkpoint " + size + " is malformed: " + e.getMessage());
            }
            if (!checkpoint.origin().equals(origin)) {
                throw new TrailFailure(leaf, eventId, "checkpoint " + size + " is for origin '" + checkpoint.origin()
                        + "', expected '" + origin + "'");
            }
            if (checkpoint.size() != size) {
                throw new TrailFailure(leaf, eventId, "checkpoint row " + size + " holds a signed note for size "
                        + checkpoint.size());
            }
            byte[] root = range.root();
            if (!MessageDigest.isEqual(checkpoint.rootHash(), stored.rootHash())) {
                throw new TrailFailure(leaf, eventId, "checkpoint " + size + ": stored root_hash "
                        + hex(stored.rootHash()) + " differs from its signed root " + hex(checkpoint.rootHash()));
            }
            if (!MessageDigest.isEqual(checkpoint.rootHash(), root)) {
                throw new TrailFailure(leaf, eventId, "root mismatch at checkpoint " + size + ": signed "
                        + hex(checkpoint.rootHash()) + ", recomputed " + hex(root));
            }
            Optional<byte[]> storedTree;
            try {
                storedTree = trail.storedTreeHash(size);
            } catch (IOException e) {
                throw new TrailFailure(leaf, eventId, "log_hash cannot give the root at checkpoint " + size + ": "
                        + e.getMessage());
            }
            if (storedTree.isPresent() && !MessageDigest.isEqual(storedTree.get(), root)) {
                throw new TrailFailure(leaf, eventId, "log_hash gives root " + hex(storedTree.get())
                        + " at checkpoint " + size + ", recomputed " + hex(root));
            }
            if (previousSize > 0) {
                checkConsistency(size, root, leaf, eventId);
            }
            previousSize = size;
            previousRoot = root;
            checkpointsVerified++;
        }

        /**
         * Both roots were recomputed from one run over the leaves, which already shows that the older
         * tree is a prefix of the newer; the log must also be able to prove it, as it would to anyone.
         */
        private void checkConsistency(long size, byte[] root, long leaf, String eventId) throws TrailFailure {
            Optional<List<byte[]>> proof;
            try {
                proof = trail.consistencyProof(previousSize, size);
            } catch (IOException e) {
                throw new TrailFailure(leaf, eventId, "the log cannot prove consistency from checkpoint "
                        + previousSize + " to " + size + ": " + e.getMessage());
            }
            if (proof.isEmpty()) {
                throw new TrailFailure(leaf, eventId, "no consistency proof from checkpoint " + previousSize
                        + " to " + size);
            }
            try {
                ConsistencyProof.verify(previousSize, size, previousRoot, root, proof.get());
            } catch (ProofException e) {
                throw new TrailFailure(leaf, eventId, "consistency proof from checkpoint " + previousSize + " to "
                        + size + " does not verify: " + e.getMessage());
            }
        }

        void checkRemainingCheckpoints() throws TrailFailure {
            if (nextCheckpoint < checkpoints.size()) {
                long size = checkpoints.get(nextCheckpoint).treeSize();
                throw new TrailFailure(size - 1, null, "checkpoint " + size + " covers " + size
                        + " leaves, but the log has " + range.size());
            }
        }

        void saveState() throws IOException {
            if (options.resumeFile() != null) {
                ResumeState.of(range, previousSize, previousRoot, checkpointsVerified, keysUsed)
                        .write(options.resumeFile(), json);
            }
            lastSaved = System.nanoTime();
        }
    }

    /** The per-leaf checks that need no other leaf, run on the worker threads. */
    private List<Outcome> checkBatch(List<Trail.LeafRecord> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (Trail.LeafRecord leaf : batch) {
            outcomes.add(check(leaf));
        }
        return outcomes;
    }

    private Outcome check(Trail.LeafRecord leaf) {
        if (leaf.rowMissing()) {
            return Outcome.failed(leaf, null, Problem.MISSING_ROW,
                    "missing event row (global index " + leaf.globalIndex() + ")");
        }
        if (leaf.rowProblem() != null) {
            return Outcome.failed(leaf, null, Problem.MALFORMED, leaf.rowProblem());
        }
        SignedEntry entry = leaf.entry();
        byte[] bytes;
        if (entry != null) {
            bytes = entry.encode();
        } else {
            bytes = leaf.entryBytes();
            try {
                entry = SignedEntry.decode(bytes);
            } catch (MalformedEntryException e) {
                return Outcome.failed(leaf, null, Problem.MALFORMED, "malformed signed entry: " + e.getMessage());
            }
        }
        byte[] leafHash = Rfc6962.leafHash(bytes);
        Optional<VerificationKey> key = keys.find(entry.keyId());
        if (key.isEmpty()) {
            return Outcome.failed(leaf, entry, Problem.UNKNOWN_KEY, "unknown key " + entry.keyId()
                    + " (not among the published keys)");
        }
        if (!MessageDigest.isEqual(leafHash, leaf.storedLeafHash())) {
            return new Outcome(leaf.leafIndex(), leaf.globalIndex(), leaf.logEventId(), entry.eventId(),
                    leaf.storedLeafHash(), leafHash, entry.keyId(), Problem.LEAF_HASH_MISMATCH, null);
        }
        if (!key.get().verify(bytes, leaf.signature())) {
            return Outcome.failed(leaf, entry, Problem.BAD_SIGNATURE, "bad signature (key " + entry.keyId() + ")");
        }
        if (!entry.eventId().equals(leaf.logEventId())) {
            return Outcome.failed(leaf, entry, Problem.MALFORMED, "log_leaf.event_id is " + leaf.logEventId()
                    + " but the signed entry is event " + entry.eventId());
        }
        return new Outcome(leaf.leafIndex(), leaf.globalIndex(), leaf.logEventId(), entry.eventId(),
                leaf.storedLeafHash(), leafHash, entry.keyId(), null, null);
    }

    private enum Problem { MISSING_ROW, MALFORMED, UNKNOWN_KEY, LEAF_HASH_MISMATCH, BAD_SIGNATURE }

    /** What the worker found for one leaf; {@code problem} null if it passed. */
    private record Outcome(long leafIndex, long globalIndex, String logEventId, String rowEventId,
                           byte[] storedLeafHash, byte[] leafHash, String keyId, Problem problem, String detail) {

        static Outcome failed(Trail.LeafRecord leaf, SignedEntry entry, Problem problem, String detail) {
            return new Outcome(leaf.leafIndex(), leaf.globalIndex(), leaf.logEventId(),
                    entry == null ? null : entry.eventId(), leaf.storedLeafHash(), null, null, problem, detail);
        }
    }

    private Thread startProgress(AtomicLong done, long firstLeaf, long total, long started) {
        if (options.progress() == null) {
            return null;
        }
        long every = options.progressEvery().toMillis();
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(every);
                    long count = done.get();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    double rate = count / Math.max(seconds, 1e-9);
                    long remaining = Math.max(total - firstLeaf - count, 0);
                    options.progress().printf("verified %d of %d leaves, %.0f events/s, ETA %s%n",
                            firstLeaf + count, total, rate,
                            rate > 0 ? Duration.ofSeconds((long) (remaining / rate)).toString().substring(2).toLowerCase()
                                    : "unknown");
                }
            } catch (InterruptedException e) {
                // run finished
            }
        }, "verify-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "none" : HexFormat.of().formatHex(bytes);
    }
}
