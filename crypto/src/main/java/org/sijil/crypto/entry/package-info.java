/**
 * The signed entry: the canonical byte encoding of everything stored for one event, which is
 * what the signer signs and what the transparency log takes as a leaf.
 * The encoding is specified byte for byte in {@code docs/signed-entry-format.md} so that
 * verifiers written elsewhere rebuild exactly the same bytes.
 */
package org.sijil.crypto.entry;
