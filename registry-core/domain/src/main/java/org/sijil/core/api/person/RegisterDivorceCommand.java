package org.sijil.core.api.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Register the divorce that ends a registered marriage; recorded in both spouses' streams. */
public record RegisterDivorceCommand(
        UUID marriageId,
        LocalDate divorceDate,
        String courtReference,
        String registrationOffice,
        Instant recordedAt) {
}
