package org.sijil.crypto.sign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The verification keys a verifier trusts, looked up by key id. Immutable and thread-safe.
 */
public final class KeyRing {

    private final Map<String, VerificationKey> byId;

    /**
     * @param keys the trusted keys; not null, no null elements. The same key may appear more
     *     than once; two different keys with the same key id are refused, since a signature
     *     naming that id would be ambiguous.
     * @throws IllegalArgumentException if two different keys share a key id
     */
    public KeyRing(Collection<VerificationKey> keys) {
        Objects.requireNonNull(keys, "keys");
        Map<String, VerificationKey> map = new LinkedHashMap<>();
        for (VerificationKey key : keys) {
            Objects.requireNonNull(key, "keys must not contain null");
            VerificationKey previous = map.putIfAbsent(key.keyId(), key);
            if (previous != null && !previous.equals(key)) {
                throw new IllegalArgumentException(
                        "two different keys share key id '" + key.keyId() + "'");
            }
        }
        this.byId = map;
    }

    /** The key with {@code keyId}, if trusted; empty for an unknown or null id. */
    public Optional<VerificationKey> find(String keyId) {
        return keyId == null ? Optional.empty() : Optional.ofNullable(byId.get(keyId));
    }

    /** The trusted keys, each once, in the order first given; unmodifiable. */
    public List<VerificationKey> keys() {
        return List.copyOf(new ArrayList<>(byId.values()));
    }

    /**
     * Checks that {@code signature} is the signature over {@code message} of the trusted key
     * named {@code keyId}.
     *
     * @param keyId the key id the signature claims; not null
     * @param message the signed bytes; not null
     * @param signature the 64-byte Ed25519 signature; not null (a wrong length is reported as
     *     {@link SignatureCheckException.Reason#BAD_SIGNATURE})
     * @throws SignatureCheckException with reason {@code UNKNOWN_KEY} if no trusted key has that
     *     id, {@code BAD_SIGNATURE} if the signature does not verify
     */
    public void verify(String keyId, byte[] message, byte[] signature) throws SignatureCheckException {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        VerificationKey key = byId.get(keyId);
        if (key == null) {
            throw new SignatureCheckException(keyId, SignatureCheckException.Reason.UNKNOWN_KEY);
        }
        if (!key.verify(message, signature)) {
            throw new SignatureCheckException(keyId, SignatureCheckException.Reason.BAD_SIGNATURE);
        }
    }

    @Override
    public String toString() {
        return "KeyRing" + byId.keySet();
    }
}
