package org.sijil.store.read;

import org.sijil.crypto.entry.SignedEntry;

/**
 * One row of the event store as stored: its global position, the signed entry rebuilt from the
 * row's columns, and the Ed25519 signature over that entry's canonical bytes.
 */
public record StoredEvent(long globalIndex, SignedEntry entry, byte[] signature) {
}
