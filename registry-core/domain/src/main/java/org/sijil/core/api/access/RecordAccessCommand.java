package org.sijil.core.api.access;

import org.sijil.core.api.DataCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Record one read of a person's data, before the data is returned. Each access is a stream of its
 * own ({@code accessId} is new for every read), so concurrent reads never contend; its rules and
 * its event are {@code org.sijil.core.consent.Access}'s.
 *
 * @param subject      who read: the token subject of the user or client system
 * @param organisation the reader's organisation: ministry, office, or {@code citizen}
 * @param role         the role the reader acted in
 * @param purpose      the declared purpose code (null when the role needs none)
 * @param basisKind    the ground of the read; for a denial, the ground that was sought (may be null)
 * @param basisId      the consent or legal basis id for {@link AccessBasisKind#CONSENT} and
 *                     {@link AccessBasisKind#LEGAL_BASIS}, otherwise null
 * @param categories   the categories returned (empty when denied)
 * @param reason       the denial's reason code, null when granted
 */
public record RecordAccessCommand(
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
        Instant recordedAt) {
}
