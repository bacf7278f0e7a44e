package org.sijil.store;

import java.util.Optional;
import java.util.UUID;

/**
 * Each person's own data key (AES-256), kept wrapped by the master key. Implementations write in
 * the caller's transaction, so a key created for a new person commits with that person's events.
 */
public interface DataKeyStore {

    /** The person's data key, creating it if the person has none yet. Fails if the key was destroyed. */
    byte[] dataKeyForWriting(UUID personId);

    /** The person's data key, or empty when it was destroyed (the person was erased) or never made. */
    Optional<byte[]> dataKeyForReading(UUID personId);

    /** Destroys the person's data key for good; their encrypted fields can never be read again. */
    void destroy(UUID personId);
}
