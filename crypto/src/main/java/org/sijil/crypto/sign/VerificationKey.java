package org.sijil.crypto.sign;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 public key that checks signatures.
 *
 * <p>Its key id is the lowercase hex of the first 8 bytes of SHA-256 over the 32 raw
 * public-key bytes (16 hex characters). Two keys are equal when their raw bytes are equal.
 * Instances are immutable and thread-safe.
 */
public final class VerificationKey {

    /** Length in bytes of a raw Ed25519 public key. */
    static final int RAW_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;

    /** Length in bytes of an Ed25519 signature. */
    static final int SIGNATURE_LENGTH = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    /** DER of a SubjectPublicKeyInfo for Ed25519 up to the 32 key bytes (RFC 8410 section 4). */
    private static final byte[] SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private final byte[] raw;
    private final Ed25519PublicKeyParameters publicKey;
    private final String keyId;

    private VerificationKey(byte[] raw) {
        this.raw = raw;
        this.publicKey = new Ed25519PublicKeyParameters(raw, 0);
        this.keyId = KeyIds.of(raw);
    }

    /**
     * Wraps a raw public key.
     *
     * @param raw32 the 32-byte RFC 8032 encoding of the public key; not null, exactly 32 bytes,
     *     and a valid curve point encoding. The array is copied.
     * @throws IllegalArgumentException if the bytes are not a 32-byte Ed25519 public key
     */
    public static VerificationKey fromRaw(byte[] raw32) {
        Objects.requireNonNull(raw32, "raw32");
        if (raw32.length != RAW_LENGTH) {
            throw new IllegalArgumentException(
                    "Ed25519 public key must be 32 bytes, got " + raw32.length);
        }
        try {
            return new VerificationKey(raw32.clone());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bytes are not a valid Ed25519 public key", e);
        }
    }

    /**
     * Reads a {@code PUBLIC KEY} PEM holding an Ed25519 SubjectPublicKeyInfo (RFC 8410), as
     * written by {@link #toSpkiPem()} or {@code openssl pkey -pubout}.
     *
     * @param pem the PEM text; not null, exactly one {@code PUBLIC KEY} block
     * @throws IllegalArgumentException if the text is not such a PEM
     */
    public static VerificationKey fromSpkiPem(String pem) {
        byte[] der = Pem.decode("PUBLIC KEY", pem);
        byte[] raw;
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(der);
            if (info == null
                    || !EdECObjectIdentifiers.id_Ed25519.equals(info.getAlgorithm().getAlgorithm())
                    || info.getAlgorithm().getParameters() != null) {
                throw new IllegalArgumentException("PUBLIC KEY PEM does not hold an Ed25519 key");
            }
            ASN1BitString bits = info.getPublicKeyData();
            if (bits.getPadBits() != 0) {
                throw new IllegalArgumentException("Ed25519 public key bit string has pad bits");
            }
            raw = bits.getOctets();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("PUBLIC KEY PEM is not a well-formed SubjectPublicKeyInfo", e);
        }
        return fromRaw(raw);
    }

    /** A copy of the 32 raw public-key bytes. */
    public byte[] raw() {
        return raw.clone();
    }

    /**
     * The key id: lowercase hex of the first 8 bytes of SHA-256 over the 32 raw public-key
     * bytes, 16 characters.
     */
    public String keyId() {
        return keyId;
    }

    /**
     * Writes the key as a {@code PUBLIC KEY} PEM (X.509 SubjectPublicKeyInfo, RFC 8410), so that
     * {@code openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in msg -sigfile sig} checks
     * signatures made by the matching {@link SigningKey}.
     */
    public String toSpkiPem() {
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + RAW_LENGTH);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, RAW_LENGTH);
        return Pem.encode("PUBLIC KEY", der);
    }

    /**
     * Checks a pure Ed25519 signature (RFC 8032) over {@code message}.
     *
     * <p>Strict: a signature that is not exactly 64 bytes, or whose scalar is not canonical, is
     * rejected. Never throws on bad input; a null message or signature is simply {@code false}.
     *
     * @return whether {@code signature} is this key's signature over exactly {@code message}
     */
    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, publicKey);
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationKey that && Arrays.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "VerificationKey[keyId=" + keyId + "]";
    }
}
