/**
 * Every benchmark, one package each, run by {@link org.sijil.ops.bench.BenchCli} and never by the
 * tests; each starts the application the same way, with {@link org.sijil.ops.bench.BenchApplication}.
 */
package org.sijil.ops.bench;
