package org.sijil.core.api.person;

import org.sijil.core.api.Personal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A national ID card was issued to a person. */
@Revision("1")
public record IdCardIssuedEvent(
        UUID personId,
        @Personal String cardNumber,
        LocalDate issuedOn,
        LocalDate expiresOn,
        String registrationOffice,
        Instant recordedAt) implements PersonEvent {
}
