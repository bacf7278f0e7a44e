package org.sijil.core.api.consent;

import java.time.Instant;
import java.util.UUID;

/** Every event in a legal basis's stream: reference data about the law, never about a person. */
public sealed interface LegalBasisEvent permits LegalBasisRecordedEvent, LegalBasisRepealedEvent {

    UUID legalBasisId();

    Instant recordedAt();
}
