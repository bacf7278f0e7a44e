package org.sijil.core.api.consent;

import org.sijil.core.api.DataCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A citizen grants a ministry access to categories of their data for one purpose and a period.
 * The fields follow a consent receipt (Kantara Consent Receipt, ISO/IEC TS 27560): who
 * ({@code personId}), to whom ({@code ministry}), why ({@code purposeCode}, {@code purposeText}),
 * what ({@code categories}), how long ({@code validFrom} to {@code validUntil}), how it was
 * collected ({@code collectionMethod}, e.g. {@code online-portal}), when ({@code recordedAt}), under
 * which policy and jurisdiction, and the receipt's own id.
 *
 * <p>{@code categories} are names of {@link DataCategory} constants, checked by the consent.
 * {@code purposeText} describes the purpose; it must not contain personal data.
 *
 * @param oneTime true when the consent authorises a single read; false when it authorises reads
 *                until it expires or is revoked
 */
public record GrantConsentCommand(
        @TargetAggregateIdentifier UUID consentId,
        UUID personId,
        String ministry,
        String purposeCode,
        String purposeText,
        List<String> categories,
        Instant validFrom,
        Instant validUntil,
        boolean oneTime,
        String collectionMethod,
        UUID receiptId,
        String jurisdiction,
        String policyReference,
        Instant recordedAt) {
}
