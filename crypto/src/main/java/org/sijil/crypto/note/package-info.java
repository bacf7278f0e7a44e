/**
 * Checkpoints of the transparency log and the signed notes that carry them, in the C2SP
 * tlog-checkpoint and signed-note formats (compatible with Go's {@code golang.org/x/mod/sumdb/note}).
 * Signatures are Ed25519; key material crosses the API only in the note key encodings.
 */
package org.sijil.crypto.note;
