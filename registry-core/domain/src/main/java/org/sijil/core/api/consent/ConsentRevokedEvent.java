package org.sijil.core.api.consent;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The citizen revoked the consent; from {@code recordedAt} on it authorises nothing. */
@Revision("1")
public record ConsentRevokedEvent(
        UUID consentId,
        UUID personId,
        String ministry,
        String collectionMethod,
        Instant recordedAt) implements ConsentEvent {
}
