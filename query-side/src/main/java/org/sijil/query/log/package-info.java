/**
 * The server side of the transparency log: the sequencer that appends every stored event to one
 * RFC 6962 Merkle tree, the issuer of signed checkpoints, and the reads that serve proofs and
 * leaves. Tables and formats are those of {@code docs/transparency-log.md}.
 */
package org.sijil.query.log;
