package org.sijil.core.api.consent;

import org.sijil.core.api.DataCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A citizen granted a consent; the event is the consent receipt (see {@link GrantConsentCommand}).
 * {@code categories} are in {@link DataCategory} declaration order, without repeats. No personal
 * data: ids, codes, categories and dates only.
 */
@Revision("1")
public record ConsentGrantedEvent(
        UUID consentId,
        UUID personId,
        String ministry,
        String purposeCode,
        String purposeText,
        List<DataCategory> categories,
        Instant validFrom,
        Instant validUntil,
        boolean oneTime,
        String collectionMethod,
        UUID receiptId,
        String jurisdiction,
        String policyReference,
        Instant recordedAt) implements ConsentEvent {

    public ConsentGrantedEvent {
        categories = List.copyOf(categories);
    }
}
