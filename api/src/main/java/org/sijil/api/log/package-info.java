/**
 * The transparency log's wiring and HTTP face: the sequencer's tracking processor, the checkpoint
 * schedule and its note key, and the public endpoints that serve checkpoints, proofs and leaves
 * (formats in {@code docs/transparency-log.md}).
 */
package org.sijil.api.log;
