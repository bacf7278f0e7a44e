/**
 * Ed25519 signing of stored entries: signing and verification keys, their PEM forms and key
 * ids, a key ring for verifiers and a directory of key files for the signer.
 * Bouncy Castle does the arithmetic inside this package; every public signature uses JDK types
 * and the types declared here.
 */
package org.sijil.crypto.sign;
