package org.sijil.core.api.person;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A person's personal data was erased where the law requires it: their data key is destroyed in
 * the same transaction, so every personal field of their events becomes unreadable while every
 * signature still verifies.
 */
@Revision("1")
public record PersonErasedEvent(
        UUID personId,
        String legalReference,
        Instant recordedAt) implements PersonEvent {
}
