package org.sijil.core.api.consent;

import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.Personal;
import java.time.Instant;
import java.util.UUID;

/**
 * Every event in a consent's stream. Consent events carry identifiers, codes and categories only,
 * never names or other plaintext personal data: unlike {@link PersonEvent}s they are stored
 * unencrypted (the serializer seals {@link Personal} fields of person events only), and they stay
 * readable after a person's data key is destroyed.
 */
public sealed interface ConsentEvent permits ConsentGrantedEvent, ConsentRevokedEvent, ConsentUsedEvent {

    UUID consentId();

    /** The citizen who granted the consent. */
    UUID personId();

    Instant recordedAt();
}
