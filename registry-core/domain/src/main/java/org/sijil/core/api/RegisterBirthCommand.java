package org.sijil.core.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a live birth; the caller allocates the person id and the national number. */
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
