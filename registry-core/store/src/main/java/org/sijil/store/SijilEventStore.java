package org.sijil.store;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which can also be told of events stored without it. Its tracking
 * processors read through one shared reader that fetches new events when a commit through this store
 * wakes it, and otherwise only once per fetch delay (a second); events stored by a statement of
 * their own (the access recorder's) wake it through {@link #eventsStoredElsewhere()}, so they reach
 * the transparency log and the feeds without waiting for that poll.
 */
public class SijilEventStore extends EmbeddedEventStore {

    public SijilEventStore(Builder builder) {
        super(builder);
    }

    /** Wakes the shared reader to fetch: call it once the events are committed. */
    public void eventsStoredElsewhere() {
        afterCommit(List.of());
    }
}
