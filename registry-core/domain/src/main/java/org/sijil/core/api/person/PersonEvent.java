package org.sijil.core.api.person;

import org.sijil.core.api.Personal;
import java.time.Instant;
import java.util.UUID;

/**
 * Every event in a person's stream. Each event belongs to exactly one person, whose data key
 * encrypts the event's {@link Personal} fields. Events carry every date and identifier they need;
 * {@code recordedAt} is the registration time supplied by the command.
 */
public sealed interface PersonEvent permits
        BirthRegisteredEvent,
        DeathRegisteredEvent,
        MarriageRegisteredEvent,
        DivorceRegisteredEvent,
        NameChangedEvent,
        ResidenceChangedEvent,
        IdCardIssuedEvent,
        IdCardRevokedEvent,
        CorrectionRecordedEvent,
        PersonErasedEvent {

    UUID personId();

    Instant recordedAt();
}
