package org.sijil.core.api.person;

import org.sijil.core.api.PersonName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Change a person's name under a legal decision. */
public record ChangeNameCommand(
        @TargetAggregateIdentifier UUID personId,
        @TargetAggregateVersion Long expectedVersion,
        PersonName newName,
        LocalDate effectiveDate,
        String legalReference,
        String registrationOffice,
        Instant recordedAt) {
}
