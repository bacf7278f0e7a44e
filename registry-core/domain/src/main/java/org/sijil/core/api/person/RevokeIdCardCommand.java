package org.sijil.core.api.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Revoke a national ID card the person holds. */
public record RevokeIdCardCommand(
        @TargetAggregateIdentifier UUID personId,
        @TargetAggregateVersion Long expectedVersion,
        String cardNumber,
        LocalDate revokedOn,
        String reason,
        String registrationOffice,
        Instant recordedAt) {
}
