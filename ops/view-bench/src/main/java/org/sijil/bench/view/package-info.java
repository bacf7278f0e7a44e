/**
 * Benchmarks of the query side run against the whole application on its embedded PostgreSQL (fsync
 * on), each next to a plain baseline measured in the same run, and the operators' replay command.
 */
package org.sijil.bench.view;
