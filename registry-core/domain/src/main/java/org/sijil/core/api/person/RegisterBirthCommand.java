package org.sijil.core.api.person;

import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a live birth. The caller allocates the person id; {@code nationalNumber} is one from
 * legacy records, or null to have the register allocate one.
 */
public record RegisterBirthCommand(
        @TargetAggregateIdentifier UUID personId,
        String nationalNumber,
        PersonName name,
        Sex sex,
        LocalDate dateOfBirth,
        Place placeOfBirth,
        UUID motherId,
        UUID fatherId,
        String registrationOffice,
        Instant recordedAt) {
}
