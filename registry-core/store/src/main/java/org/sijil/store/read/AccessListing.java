package org.sijil.store.read;

import org.sijil.core.api.access.AccessRecordedEvent;
import org.sijil.store.CompanionInserts;

/**
 * The read side's list of access events (a citizen's access history), inserted by the statement
 * that stores the events themselves, so an access is listed if and only if it is stored. One per
 * batch of access events; the read side owns the rows and their table.
 */
public interface AccessListing extends CompanionInserts {

    /** Lists {@code event}, stored under the message id {@code eventId}. */
    void add(AccessRecordedEvent event, String eventId);
}
