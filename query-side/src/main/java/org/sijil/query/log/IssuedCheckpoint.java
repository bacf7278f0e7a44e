package org.sijil.query.log;

import java.time.Instant;

/**
 * A checkpoint as issued and kept.
 *
 * @param size       tree size it commits to
 * @param rootHash   RFC 6962 root of the first {@code size} leaves
 * @param signedNote the C2SP signed note that was published
 * @param issuedAt   when it was issued
 */
public record IssuedCheckpoint(long size, byte[] rootHash, String signedNote, Instant issuedAt) {

    public IssuedCheckpoint {
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }
}
