/**
 * Per-person field encryption: each person's fields are sealed with AES-256-GCM under that
 * person's own data key, and data keys are wrapped by a master key.
 * Destroying one person's data key erases their personal data without touching any signature,
 * since signatures cover only the ciphertext.
 */
package org.sijil.crypto.envelope;
