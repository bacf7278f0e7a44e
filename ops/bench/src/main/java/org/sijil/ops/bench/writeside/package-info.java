/**
 * The write-side benchmark: births through the command gateway and over HTTP, signed and unsigned,
 * with and without group commit, against plain one-row inserts on the same durable PostgreSQL.
 */
package org.sijil.ops.bench.writeside;
