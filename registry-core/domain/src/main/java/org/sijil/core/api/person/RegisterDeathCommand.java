package org.sijil.core.api.person;

import org.sijil.core.api.Place;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Register a person's death. {@code expectedVersion} (nullable) comes from {@code If-Match}. */
public record RegisterDeathCommand(
        @TargetAggregateIdentifier UUID personId,
        @TargetAggregateVersion Long expectedVersion,
        LocalDate dateOfDeath,
        Place placeOfDeath,
        String causeOfDeath,
        String registrationOffice,
        Instant recordedAt) {
}
