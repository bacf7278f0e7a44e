/**
 * Benchmarks of the query side run against the whole application on its embedded PostgreSQL (fsync
 * on), each next to a plain baseline measured in the same run.
 */
package org.sijil.ops.bench.view;
