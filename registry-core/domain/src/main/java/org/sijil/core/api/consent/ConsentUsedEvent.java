package org.sijil.core.api.consent;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A read by the ministry relied on the consent; a one-time consent authorises nothing more. */
@Revision("1")
public record ConsentUsedEvent(
        UUID consentId,
        UUID personId,
        String ministry,
        UUID accessId,
        Instant recordedAt) implements ConsentEvent {
}
