package org.sijil.core.api.person;

import org.sijil.core.api.PersonName;
import org.sijil.core.api.Personal;
import org.sijil.core.api.Place;
import org.sijil.core.api.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A live birth was registered; the child becomes a person with a national number. */
@Revision("1")
public record BirthRegisteredEvent(
        UUID personId,
        @Personal String nationalNumber,
        @Personal PersonName name,
        Sex sex,
        @Personal LocalDate dateOfBirth,
        @Personal Place placeOfBirth,
        @Personal UUID motherId,
        @Personal UUID fatherId,
        String registrationOffice,
        Instant recordedAt) implements PersonEvent {
}
