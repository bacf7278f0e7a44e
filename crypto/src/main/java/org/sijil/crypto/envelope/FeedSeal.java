package org.sijil.crypto.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The sealed part of a ministry feed message ({@code sijil-feed/2}): {@link FieldCipher} under the
 * feed key of one (person, ministry), with {@code "sijil-feed/2\n<ministry>\n<personId>\n<eventId>"}
 * as associated data, so a sealed part opens only in the message it was made for. Destroying the
 * feed key makes every message sealed under it unreadable, wherever a copy of it is kept.
 */
public final class FeedSeal {

    private FeedSeal() {
    }

    /**
     * Seals a message's personal part.
     *
     * @param feedKey the 32-byte feed key of the message's person and ministry; not null
     * @param plaintext the personal part; not null
     * @param ministry the receiving ministry; not null
     * @param personId the person the message is about; not null
     * @param eventId the event the message carries; not null
     * @param random the source of the nonce; not null
     */
    public static byte[] seal(byte[] feedKey, byte[] plaintext, String ministry, String personId, String eventId,
                              SecureRandom random) {
        return FieldCipher.encrypt(feedKey, plaintext, associatedData(ministry, personId, eventId), random);
    }

    /**
     * Opens what {@link #seal} made.
     *
     * @throws DecryptionException if the bytes are not a sealed part of this message under this key
     */
    public static byte[] open(byte[] feedKey, byte[] sealed, String ministry, String personId, String eventId)
            throws DecryptionException {
        return FieldCipher.decrypt(feedKey, sealed, associatedData(ministry, personId, eventId));
    }

    static byte[] associatedData(String ministry, String personId, String eventId) {
        Objects.requireNonNull(ministry, "ministry");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(eventId, "eventId");
        return ("sijil-feed/2\n" + ministry + "\n" + personId + "\n" + eventId).getBytes(UTF_8);
    }
}
