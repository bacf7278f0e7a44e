/**
 * The auditor's verifier on a synthetic trail, against a plain read of the rows it reads; the trail is
 * built by the verifier's tests' fixture ({@code ops/trail-fixture}), without the application.
 */
package org.sijil.ops.bench.verifier;
