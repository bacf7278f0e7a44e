package org.sijil.core.api.person;

import org.sijil.core.api.Personal;
import org.sijil.core.api.Place;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person moved; the residence is a place whose locality holds the address. */
@Revision("1")
public record ResidenceChangedEvent(
        UUID personId,
        @Personal Place residence,
        LocalDate since,
        String registrationOffice,
        Instant recordedAt) implements PersonEvent {
}
