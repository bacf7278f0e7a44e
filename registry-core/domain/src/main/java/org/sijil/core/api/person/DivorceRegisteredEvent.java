package org.sijil.core.api.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A divorce ended a marriage; one such event lands in each former spouse's stream. */
@Revision("1")
public record DivorceRegisteredEvent(
        UUID personId,
        UUID marriageId,
        LocalDate divorceDate,
        String courtReference,
        String registrationOffice,
        Instant recordedAt) implements PersonEvent {
}
