package org.sijil.crypto.sign;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 private key that signs stored entries.
 *
 * <p>Instances are immutable and thread-safe: {@link #sign(byte[])} may be called from many
 * threads at once. The key material never leaves the object except through
 * {@link #toPkcs8Pem()}; {@link #toString()} shows only the {@linkplain #keyId() key id}.
 */
public final class SigningKey {

    /**
     * DER of a PKCS#8 v1 PrivateKeyInfo for Ed25519 up to the 32 seed bytes (RFC 8410 section 7):
     * SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }.
     */
    private static final byte[] PKCS8_PREFIX = {
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
        0x04, 0x22, 0x04, 0x20
    };

    private final Ed25519PrivateKeyParameters privateKey;
    private final VerificationKey verificationKey;

    private SigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.verificationKey = VerificationKey.fromRaw(privateKey.generatePublicKey().getEncoded());
    }

    /**
     * Generates a fresh key.
     *
     * @param random the source of the 32-byte seed; not null, and it must be a
     *     cryptographically strong generator
     */
    public static SigningKey generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return new SigningKey(new Ed25519PrivateKeyParameters(random));
    }

    /**
     * Reads a key from an unencrypted PKCS#8 {@code PRIVATE KEY} PEM, as written by
     * {@link #toPkcs8Pem()} or {@code openssl genpkey -algorithm ed25519}.
     *
     * <p>A PKCS#8 v2 (OneAsymmetricKey) body that also carries the public key is accepted only
     * if that public key belongs to the private key.
     *
     * @param pem the PEM text; not null, exactly one {@code PRIVATE KEY} block holding an
     *     Ed25519 key
     * @throws IllegalArgumentException if the text is not such a PEM
     */
    public static SigningKey fromPkcs8Pem(String pem) {
        byte[] der = Pem.decode("PRIVATE KEY", pem);
        PrivateKeyInfo info;
        byte[] seed;
        try {
            info = PrivateKeyInfo.getInstance(der);
            if (info == null
                    || !EdECObjectIdentifiers.id_Ed25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
                throw new IllegalArgumentException("PRIVATE KEY PEM does not hold an Ed25519 key");
            }
            if (info.getPrivateKeyAlgorithm().getParameters() != null) {
                throw new IllegalArgumentException("Ed25519 algorithm identifier must have no parameters");
            }
            ASN1Encodable inner = info.parsePrivateKey();
            seed = ASN1OctetString.getInstance(inner).getOctets();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("PRIVATE KEY PEM is not a well-formed PKCS#8 structure", e);
        }
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException(
                    "Ed25519 private key must be 32 bytes, got " + seed.length);
        }
        SigningKey key = new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
        if (info.getPublicKeyData() != null
                && !Arrays.equals(info.getPublicKeyData().getOctets(), key.verificationKey.raw())) {
            throw new IllegalArgumentException("PKCS#8 public key does not match its private key");
        }
        return key;
    }

    /**
     * Writes the key as an unencrypted PKCS#8 v1 {@code PRIVATE KEY} PEM (RFC 8410), the form
     * {@code openssl pkey} reads and writes. The text is a secret: store it with owner-only
     * permissions.
     */
    public String toPkcs8Pem() {
        byte[] der = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + Ed25519PrivateKeyParameters.KEY_SIZE);
        privateKey.encode(der, PKCS8_PREFIX.length);
        try {
            return Pem.encode("PRIVATE KEY", der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** The {@linkplain VerificationKey#keyId() key id} of this key's verification key. */
    public String keyId() {
        return verificationKey.keyId();
    }

    /** The public half, to publish and to verify with. */
    public VerificationKey verificationKey() {
        return verificationKey;
    }

    /**
     * Signs {@code message} with pure Ed25519 (RFC 8032, no pre-hash, no context). The result
     * is deterministic: the same key and message always give the same 64 bytes.
     *
     * @param message the exact bytes to sign; not null, may be empty
     * @return a new 64-byte signature
     */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        // A signer buffers the message, so each call gets its own; the key itself is immutable.
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId() + "]";
    }
}
