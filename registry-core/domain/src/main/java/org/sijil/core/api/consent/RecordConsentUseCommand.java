package org.sijil.core.api.consent;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A ministry's read relies on the consent: sent for one-time consents, which it uses up. The
 * consent checks that it is still in force for {@code ministry} and {@code purposeCode};
 * {@code accessId} names the access record of the read.
 */
public record RecordConsentUseCommand(
        @TargetAggregateIdentifier UUID consentId,
        String ministry,
        String purposeCode,
        UUID accessId,
        Instant recordedAt) {
}
