package org.sijil.query.feed;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The feed keys that seal the personal part of ministry messages, one per (person, ministry), kept
 * by the registry; a ministry fetches its own to open its messages, and a person's erasure destroys
 * all of theirs.
 */
public interface FeedKeys {

    /** A message's person and receiving ministry. */
    record Recipient(UUID personId, String ministry) {
        public Recipient {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(ministry, "ministry");
        }
    }

    /** A feed key: its id (named in the messages it seals) and its 32 bytes. */
    record Key(UUID keyId, byte[] key) {
    }

    /**
     * The key of each recipient, making those that do not exist yet. The keys made are committed
     * before this returns, on their own, so no message can be sealed under a key that is then rolled
     * back. A recipient whose key was destroyed (the person was erased) is absent from the answer, and
     * no key is ever made for it again.
     */
    Map<Recipient, Key> forSealing(Collection<Recipient> recipients);
}
