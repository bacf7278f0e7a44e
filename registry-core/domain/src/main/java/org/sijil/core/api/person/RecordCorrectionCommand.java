package org.sijil.core.api.person;

import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record a court-ordered correction of one earlier event of this person. */
public record RecordCorrectionCommand(
        @TargetAggregateIdentifier UUID personId,
        @TargetAggregateVersion Long expectedVersion,
        String correctedEventId,
        String court,
        String judgmentReference,
        LocalDate judgmentDate,
        PersonName name,
        Sex sex,
        LocalDate dateOfBirth,
        Place placeOfBirth,
        LocalDate dateOfDeath,
        String reason,
        String registrationOffice,
        Instant recordedAt) {
}
