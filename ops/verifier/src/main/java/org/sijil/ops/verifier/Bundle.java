package org.sijil.ops.verifier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The trail bundle's file names and JSON line shapes, specified in {@code docs/trail-bundle.md}.
 * Byte strings are standard padded base64.
 */
final class Bundle {

    static final String FORMAT = "sijil-trail-bundle";
    static final int VERSION = 1;

    static final String MANIFEST = "manifest.json";
    static final String ENTRIES = "entries.jsonl";
    static final String CHECKPOINTS = "checkpoints.jsonl";
    static final String CONSISTENCY = "consistency.jsonl";
    static final String UNLOGGED = "unlogged.jsonl";
    static final String DATA_KEYS = "data-keys.jsonl";
    static final String KEYS = "keys.json";
    static final String LOG_KEY = "log-key.txt";

    private Bundle() {
    }

    /** {@code manifest.json}. */
    @JsonPropertyOrder({"format", "version", "source", "exportedAt", "leafCount", "eventRows", "checkpoints",
            "dataKeys"})
    record Manifest(String format, int version, String source, String exportedAt, long leafCount, long eventRows,
                    int checkpoints, boolean dataKeys) {
    }

    /** One line of {@code entries.jsonl}: a leaf; {@code entry} and {@code signature} null if its row is missing. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"leafIndex", "globalIndex", "eventId", "leafHash", "entry", "signature"})
    record EntryLine(long leafIndex, long globalIndex, String eventId, String leafHash, String entry,
                     String signature) {
    }

    /** One line of {@code checkpoints.jsonl}. */
    @JsonPropertyOrder({"treeSize", "rootHash", "issuedAt", "note"})
    record CheckpointLine(long treeSize, String rootHash, String issuedAt, String note) {
    }

    /** One line of {@code consistency.jsonl}: the log's proof between two successive checkpoints. */
    @JsonPropertyOrder({"from", "to", "proof"})
    record ConsistencyLine(long from, long to, List<String> proof) {
    }

    /**
     * One line of {@code unlogged.jsonl}: an event row that no leaf points at. {@code inFlight} says
     * whether the sequencer had not reached it when exported; null in bundles written before it existed.
     */
    @JsonPropertyOrder({"globalIndex", "eventId", "entry", "signature", "inFlight"})
    record UnloggedLine(long globalIndex, String eventId, String entry, String signature, Boolean inFlight) {
    }

    /** One line of {@code data-keys.jsonl}; {@code wrappedKey} null once destroyed. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"personId", "wrappedKey"})
    record DataKeyLine(String personId, String wrappedKey) {
    }
}
