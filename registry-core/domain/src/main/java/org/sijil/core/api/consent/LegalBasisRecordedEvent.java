package org.sijil.core.api.consent;

import org.sijil.core.api.DataCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A legal basis was recorded (see {@link RecordLegalBasisCommand}); {@code purposes} are trimmed
 * and without repeats, {@code categories} in {@link DataCategory} declaration order.
 */
@Revision("1")
public record LegalBasisRecordedEvent(
        UUID legalBasisId,
        String law,
        String article,
        String ministry,
        List<String> purposes,
        List<DataCategory> categories,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant recordedAt) implements LegalBasisEvent {

    public LegalBasisRecordedEvent {
        purposes = List.copyOf(purposes);
        categories = List.copyOf(categories);
    }
}
