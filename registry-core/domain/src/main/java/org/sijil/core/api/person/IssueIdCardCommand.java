package org.sijil.core.api.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Issue a national ID card to a person. */
public record IssueIdCardCommand(
        @TargetAggregateIdentifier UUID personId,
        @TargetAggregateVersion Long expectedVersion,
        String cardNumber,
        LocalDate issuedOn,
        LocalDate expiresOn,
        String registrationOffice,
        Instant recordedAt) {
}
