package org.sijil.core.api.person;

import org.sijil.core.api.Place;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record a change of residence. */
public record ChangeResidenceCommand(
        @TargetAggregateIdentifier UUID personId,
        @TargetAggregateVersion Long expectedVersion,
        Place residence,
        LocalDate since,
        String registrationOffice,
        Instant recordedAt) {
}
