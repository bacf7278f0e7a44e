package org.sijil.core.api.person;

import org.sijil.core.api.PersonName;
import org.sijil.core.api.Personal;
import org.sijil.core.api.Place;
import org.sijil.core.api.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A court ordered a correction of an earlier event of this person. The earlier event stays as it
 * was stored; this event carries the corrected values (null means unchanged) and the judgment.
 */
@Revision("1")
public record CorrectionRecordedEvent(
        UUID personId,
        String correctedEventId,
        String court,
        String judgmentReference,
        LocalDate judgmentDate,
        @Personal PersonName name,
        Sex sex,
        @Personal LocalDate dateOfBirth,
        @Personal Place placeOfBirth,
        LocalDate dateOfDeath,
        String reason,
        String registrationOffice,
        Instant recordedAt) implements PersonEvent {
}
