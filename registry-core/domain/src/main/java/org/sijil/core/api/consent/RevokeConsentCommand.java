package org.sijil.core.api.consent;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A citizen revokes their consent; {@code personId} is the revoking citizen, who must have granted it. */
public record RevokeConsentCommand(
        @TargetAggregateIdentifier UUID consentId,
        UUID personId,
        String collectionMethod,
        Instant recordedAt) {
}
