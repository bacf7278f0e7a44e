/**
 * The transparency log: proof latency against a primary-key lookup, and the sequencer's catch-up
 * against a plain read of the same rows.
 */
package org.sijil.ops.bench.log;
