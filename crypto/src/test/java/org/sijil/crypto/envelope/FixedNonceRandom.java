package org.sijil.crypto.envelope;

import java.security.SecureRandom;

/** Hands out one fixed nonce, so a published vector's IV can be reproduced. */
final class FixedNonceRandom extends SecureRandom {

    private final byte[] bytes;

    FixedNonceRandom(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
        if (out.length != bytes.length) {
            throw new IllegalStateException("asked for " + out.length + " bytes, have " + bytes.length);
        }
        System.arraycopy(bytes, 0, out, 0, out.length);
    }
}
