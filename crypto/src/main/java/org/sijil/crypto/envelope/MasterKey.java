package org.sijil.crypto.envelope;

/**
 * A key-encryption key that wraps and unwraps data keys. Production implementations live in an
 * HSM or KMS and never reveal the key; {@link FileMasterKey} keeps it in a local file.
 * Implementations must be thread-safe.
 */
public interface MasterKey {

    /** A stable identifier of this master key, stored beside wrapped keys to find it again. */
    String keyId();

    /**
     * Encrypts and authenticates a data key, bound to {@code context}.
     *
     * @param dataKey the data key; not null
     * @param context what the data key belongs to (for example the person's id); not null, may
     *     be empty. The same context must be given to {@link #unwrap}.
     * @return the wrapped key
     */
    byte[] wrap(byte[] dataKey, byte[] context);

    /**
     * Recovers a data key wrapped by this master key under the same {@code context}.
     *
     * @param wrapped the output of {@link #wrap}; not null
     * @param context the context given to {@link #wrap}; not null
     * @throws DecryptionException if {@code wrapped} was not made by this key with this context,
     *     or has been altered
     */
    byte[] unwrap(byte[] wrapped, byte[] context) throws DecryptionException;
}
