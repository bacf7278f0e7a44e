package org.sijil.query.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every stored event to the feeds, in the order its tracking processor delivers them.
 * Meant for one tracking processor ({@link #PROCESSING_GROUP}) whose error handler propagates, so
 * a failing batch is retried, never skipped.
 *
 * <p>The handler only collects the batch's events; when the processor's batch is about to commit
 * (with its token), their stored rows with their log indexes (looked up by the global indexes their
 * tracking tokens show, by event id for any not found there), and the legal bases, are read, the
 * feed keys of the batch's ministry messages are read (those missing made and committed on their own,
 * before anything is sealed under them), the
 * records are built, each notification handed to the producer as soon as it is built; the batch's
 * deliveries to ministry topics are recorded as accesses (in a transaction of their own, committed
 * before any ministry record is sent: a ministry never receives a person's data unrecorded; if the
 * records cannot be stored the batch fails and none of its ministry records is sent), then the
 * ministry records are sent, and the method returns only once Kafka has acknowledged every record.
 * Building a notification does not open the event (see {@link FeedMessages}).
 * If any is not acknowledged the batch fails, its token does not move, and the whole batch is sent
 * again later: at least once, in order per person, with the {@code event-id} header for consumers to
 * de-duplicate.
 */
public final class FeedPublisher {

    /** Processing group, and name of the tracking processor that runs it. */
    public static final String PROCESSING_GROUP = "kafka-feed";

    private static final Logger log = LoggerFactory.getLogger(FeedPublisher.class);

    private static final String BATCH = FeedPublisher.class.getName() + ".batch";

    private final FeedStore store;
    private final FeedMessages messages;
    private final FeedSink sink;
    private final DeliveryRecorder deliveries;
    private final FeedKeys feedKeys;

    public FeedPublisher(FeedStore store, FeedMessages messages, FeedSink sink, DeliveryRecorder deliveries,
                         FeedKeys feedKeys) {
        this.store = store;
        this.messages = messages;
        this.sink = sink;
        this.deliveries = deliveries;
        this.feedKeys = feedKeys;
    }

    @EventHandler
    void on(EventMessage<?> event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<EventMessage<?>> batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            List<EventMessage<?>> events = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> publish(events));
            return events;
        });
        batch.add(event);
    }

    /**
     * Builds and sends the records of these events, in this order, and waits for every
     * acknowledgement. Each notification is handed to the sink as soon as it is built, so building
     * the next overlaps with the producer's sending; ministry records are held until the batch's
     * deliveries are recorded, then sent in their order.
     *
     * @throws IllegalStateException if an event has no stored row, or Kafka does not acknowledge
     * @throws RuntimeException      if the deliveries' access records are not stored (no ministry
     *                               record is sent; notifications may have been, and are sent again
     *                               with the batch)
     */
    void publish(List<EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Map<String, EventMessage<?>> byId = new LinkedHashMap<>();
        List<Long> positions = new ArrayList<>(events.size());
        for (EventMessage<?> e : events) {
            if (byId.putIfAbsent(e.getIdentifier(), e) == null && e instanceof TrackedEventMessage<?> tracked) {
                // the event's global index, unless it filled a gap: a hint, checked against the event id
                tracked.trackingToken().position().ifPresent(positions::add);
            }
        }
        Map<String, FeedStore.Row> rows = store.rows(byId.keySet(), positions);
        Entitlements entitlements = new Entitlements(store.legalBases());
        Set<FeedKeys.Recipient> recipients = new LinkedHashSet<>();
        for (EventMessage<?> event : byId.values()) {
            FeedStore.Row row = rows.get(event.getIdentifier());
            if (row != null) {
                recipients.addAll(messages.recipients(event, row.event(), entitlements));
            }
        }
        Map<FeedKeys.Recipient, FeedKeys.Key> keys = recipients.isEmpty() ? Map.of()
                : feedKeys.forSealing(recipients);
        long read = System.nanoTime();
        FeedSink.Batch out = sink.open();
        List<FeedRecord> held = new ArrayList<>();
        int records = 0;
        for (EventMessage<?> event : byId.values()) {
            FeedStore.Row row = rows.get(event.getIdentifier());
            if (row == null) {
                throw new IllegalStateException("event " + event.getIdentifier() + " was delivered but has no stored row");
            }
            for (FeedRecord record : messages.recordsOf(event, row.event(), row.logIndex(), entitlements, keys)) {
                records++;
                if (record.delivery() == null) {
                    out.send(record);
                } else {
                    held.add(record);
                }
            }
        }
        long built = System.nanoTime();
        if (!held.isEmpty()) {
            List<FeedDelivery> delivered = new ArrayList<>(held.size());
            held.forEach(r -> delivered.add(r.delivery()));
            // fail closed: throws if the accesses are not stored, and then no ministry record is sent
            deliveries.record(delivered);
        }
        long recorded = System.nanoTime();
        held.forEach(out::send);
        out.awaitAcknowledged();
        if (log.isDebugEnabled()) {
            log.debug("published {} events as {} records: rows and feed keys read in {} ms, built and sent in {} ms, {} deliveries "
                            + "recorded in {} ms, acknowledged in {} ms",
                    byId.size(), records, (read - started) / 1_000_000, (built - read) / 1_000_000,
                    held.size(), (recorded - built) / 1_000_000, (System.nanoTime() - recorded) / 1_000_000);
        }
    }
}
