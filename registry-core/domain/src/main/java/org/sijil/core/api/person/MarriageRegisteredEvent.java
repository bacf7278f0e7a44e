package org.sijil.core.api.person;

import org.sijil.core.api.Personal;
import org.sijil.core.api.Place;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A marriage was registered; one such event lands in each spouse's stream, in the same
 * transaction. {@code courtAuthorisation} is the court's reference when a husband takes a
 * further concurrent wife.
 */
@Revision("1")
public record MarriageRegisteredEvent(
        UUID personId,
        UUID marriageId,
        @Personal UUID spouseId,
        SpouseRole role,
        LocalDate marriageDate,
        @Personal Place place,
        String courtAuthorisation,
        String registrationOffice,
        Instant recordedAt) implements PersonEvent {
}
