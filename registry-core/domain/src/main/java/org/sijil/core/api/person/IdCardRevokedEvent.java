package org.sijil.core.api.person;

import org.sijil.core.api.Personal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A national ID card was revoked (lost, stolen, superseded, holder deceased). */
@Revision("1")
public record IdCardRevokedEvent(
        UUID personId,
        @Personal String cardNumber,
        LocalDate revokedOn,
        String reason,
        String registrationOffice,
        Instant recordedAt) implements PersonEvent {
}
