package org.sijil.core.api.person;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase a person's personal data where the law requires it, citing the legal reference. */
public record ErasePersonCommand(
        @TargetAggregateIdentifier UUID personId,
        String legalReference,
        Instant recordedAt) {
}
