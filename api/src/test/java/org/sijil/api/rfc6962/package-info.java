/**
 * A test-only verifier of the transparency log written from the RFCs and C2SP specifications alone
 * (RFC 9162 sections 2.1.1 to 2.1.4, C2SP signed-note and tlog-checkpoint) with the JDK's own
 * SHA-256 and Ed25519. It imports nothing from {@code org.sijil.crypto}, so it checks the server's
 * proofs and notes without sharing a line of code with what produced them.
 */
package org.sijil.api.rfc6962;
