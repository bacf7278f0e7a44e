package org.sijil.core.api.person;

import org.sijil.core.api.PersonName;
import org.sijil.core.api.Personal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person's name was changed under a legal decision. */
@Revision("1")
public record NameChangedEvent(
        UUID personId,
        @Personal PersonName newName,
        LocalDate effectiveDate,
        String legalReference,
        String registrationOffice,
        Instant recordedAt) implements PersonEvent {
}
