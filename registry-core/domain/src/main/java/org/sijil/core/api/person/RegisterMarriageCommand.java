package org.sijil.core.api.person;

import org.sijil.core.api.Place;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Register a marriage between two registered persons; recorded in both streams at once. */
public record RegisterMarriageCommand(
        UUID marriageId,
        UUID husbandId,
        UUID wifeId,
        LocalDate marriageDate,
        Place place,
        String courtAuthorisation,
        String registrationOffice,
        Instant recordedAt) {
}
