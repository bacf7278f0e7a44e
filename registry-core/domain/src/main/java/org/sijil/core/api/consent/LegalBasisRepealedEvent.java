package org.sijil.core.api.consent;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The legal basis was repealed; from {@code recordedAt} on it authorises nothing. */
@Revision("1")
public record LegalBasisRepealedEvent(
        UUID legalBasisId,
        String ministry,
        String repealedBy,
        Instant recordedAt) implements LegalBasisEvent {
}
