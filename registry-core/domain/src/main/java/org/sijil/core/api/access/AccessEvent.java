package org.sijil.core.api.access;

import org.sijil.core.api.consent.ConsentEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Every event in an access record's stream. Like {@link ConsentEvent}s, access events are stored
 * unencrypted, so they carry identifiers, codes and categories only — never the data that was read.
 */
public sealed interface AccessEvent permits AccessRecordedEvent {

    UUID accessId();

    /** The person whose data was read (or asked for). */
    UUID personId();

    Instant recordedAt();
}
