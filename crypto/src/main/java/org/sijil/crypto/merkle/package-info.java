/**
 * The transparency log's Merkle tree: RFC 6962 / RFC 9162 hashing, the stored-hash layout
 * that lets a server answer proofs with O(log n) hash reads, and strict verifiers for
 * inclusion and consistency proofs that share no code path with the proof builder.
 */
package org.sijil.crypto.merkle;
