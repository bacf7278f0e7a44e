package org.sijil.ops.verifier;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a verification got: the leaves verified, the compact Merkle state of those leaves, the
 * last checkpoint verified and what was counted. A later run continues from it without rereading
 * those leaves. The file is the auditor's own record and is trusted as such: keep it where only
 * the auditor can write.
 *
 * @param leaves              leaves verified, {@code [0, leaves)}
 * @param subtrees            base64 hashes of the complete subtrees of those leaves, largest first
 * @param checkpointSize      size of the last checkpoint verified, or -1
 * @param checkpointRoot      its root, base64, or null
 * @param checkpointsVerified checkpoints verified so far
 * @param keysUsed            events verified per signing key id
 */
@JsonPropertyOrder({"version", "leaves", "subtrees", "checkpointSize", "checkpointRoot", "checkpointsVerified",
        "keysUsed"})
record ResumeState(int version, long leaves, List<String> subtrees, long checkpointSize, String checkpointRoot,
                   long checkpointsVerified, Map<String, Long> keysUsed) {

    static final int VERSION = 1;

    static ResumeState start() {
        return new ResumeState(VERSION, 0, List.of(), -1, null, 0, Map.of());
    }

    static ResumeState of(CompactRange range, long checkpointSize, byte[] checkpointRoot, long checkpointsVerified,
                          Map<String, Long> keysUsed) {
        List<String> subtrees = new ArrayList<>();
        for (byte[] hash : range.hashes()) {
            subtrees.add(Base64.getEncoder().encodeToString(hash));
        }
        return new ResumeState(VERSION, range.size(), subtrees, checkpointSize,
                checkpointRoot == null ? null : Base64.getEncoder().encodeToString(checkpointRoot),
                checkpointsVerified, new TreeMap<>(keysUsed));
    }

    CompactRange range() {
        List<byte[]> hashes = new ArrayList<>();
        for (String hash : subtrees) {
            hashes.add(Base64.getDecoder().decode(hash));
        }
        return new CompactRange(leaves, hashes);
    }

    byte[] checkpointRootBytes() {
        return checkpointRoot == null ? null : Base64.getDecoder().decode(checkpointRoot);
    }

    /** Reads the state, or the start state if the file does not exist yet. */
    static ResumeState readOrStart(Path file, ObjectMapper json) throws IOException {
        if (!Files.exists(file)) {
            return start();
        }
        ResumeState state = json.readValue(file.toFile(), ResumeState.class);
        if (state.version() != VERSION) {
            throw new IOException(file + ": unknown resume state version " + state.version());
        }
        try {
            state.range();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": inconsistent resume state: " + e.getMessage(), e);
        }
        return state;
    }

    /** Replaces the file atomically, so a crash leaves the old state or the new, never half. */
    void write(Path file, ObjectMapper json) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.write(temp, json.writerWithDefaultPrettyPrinter().writeValueAsString(this)
                .getBytes(StandardCharsets.UTF_8));
        try {
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
