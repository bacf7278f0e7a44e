package org.sijil.core.api.consent;

import org.sijil.core.api.DataCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator records a law and article that lets {@code ministry} read the given
 * {@code categories} (names of {@link DataCategory} constants) for the given purpose codes without
 * the citizen's consent, from {@code validFrom} to {@code validUntil} inclusive (null: until
 * repealed), days counted in Baghdad.
 */
public record RecordLegalBasisCommand(
        @TargetAggregateIdentifier UUID legalBasisId,
        String law,
        String article,
        String ministry,
        List<String> purposes,
        List<String> categories,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant recordedAt) {
}
