package org.sijil.core.api.person;

import org.sijil.core.api.Personal;
import org.sijil.core.api.Place;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A death was registered; {@code causeOfDeath} is an ICD-10 code where certified. */
@Revision("1")
public record DeathRegisteredEvent(
        UUID personId,
        LocalDate dateOfDeath,
        @Personal Place placeOfDeath,
        String causeOfDeath,
        String registrationOffice,
        Instant recordedAt) implements PersonEvent {
}
