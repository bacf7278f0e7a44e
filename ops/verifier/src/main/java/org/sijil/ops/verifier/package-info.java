/**
 * The auditor's verifier: it re-checks every stored event's signature, the transparency log's
 * leaves, tree and signed checkpoints, exports the trail as an offline bundle, and reconstructs a
 * person's record as of a moment. It depends on the crypto library and a JDBC driver only, never
 * on the application it audits.
 */
package org.sijil.ops.verifier;
