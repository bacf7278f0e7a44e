package org.sijil.core.api.access;

import org.sijil.core.api.DataCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A read of a person's data was granted or denied (see {@link RecordAccessCommand});
 * {@code categories} in {@link DataCategory} declaration order. Ids, codes and categories only.
 */
@Revision("1")
public record AccessRecordedEvent(
        UUID accessId,
        UUID personId,
        String subject,
        String organisation,
        String role,
        String purpose,
        AccessBasisKind basisKind,
        String basisId,
        List<DataCategory> categories,
        AccessOutcome outcome,
        String reason,
        Instant recordedAt) implements AccessEvent {

    public AccessRecordedEvent {
        categories = List.copyOf(categories);
    }
}
