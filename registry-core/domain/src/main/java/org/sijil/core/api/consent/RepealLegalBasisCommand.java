package org.sijil.core.api.consent;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator records that a legal basis no longer authorises reads, citing the repealing act. */
public record RepealLegalBasisCommand(
        @TargetAggregateIdentifier UUID legalBasisId,
        String repealedBy,
        Instant recordedAt) {
}
