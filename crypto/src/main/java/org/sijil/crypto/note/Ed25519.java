package org.sijil.crypto.note;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 (RFC 8032, pure) through Bouncy Castle's low-level API, which signs many times faster
 * than the JDK provider on our hardware. Bouncy Castle types do not leave this class.
 */
final class Ed25519 {

    static final int SEED_SIZE = Ed25519PrivateKeyParameters.KEY_SIZE;
    static final int PUBLIC_KEY_SIZE = Ed25519PublicKeyParameters.KEY_SIZE;
    static final int SIGNATURE_SIZE = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    private Ed25519() {
    }

    static byte[] generateSeed(SecureRandom random) {
        byte[] seed = new byte[SEED_SIZE];
        random.nextBytes(seed);
        return seed;
    }

    static byte[] publicKey(byte[] seed) {
        return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    }

    static byte[] sign(byte[] seed, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Returns whether the 32-byte encoding is a valid public key (a point on the curve). */
    static boolean isValidPublicKey(byte[] publicKey) {
        try {
            new Ed25519PublicKeyParameters(publicKey, 0);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
