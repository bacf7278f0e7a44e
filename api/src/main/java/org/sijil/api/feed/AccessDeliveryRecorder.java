package org.sijil.api.feed;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sijil.api.access.AccessRecorder;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.core.api.access.AccessBasisKind;
import org.sijil.core.api.DataCategory;
import org.sijil.query.feed.DeliveryRecorder;
import org.sijil.query.feed.FeedDelivery;
import org.sijil.query.feed.FeedPublisher;

/**
 * Records feed deliveries as ministry accesses through {@link AccessRecorder#recordOnce}: organisation
 * the ministry, role {@code MINISTRY}, subject the relay ({@value FeedPublisher#PROCESSING_GROUP}),
 * purpose {@code feed:<topic>}, basis {@code LEGAL_BASIS} with the ids of the legal bases the delivery
 * rests on (comma-separated when several), the categories sent, outcome {@code GRANTED}; the access
 * id is {@link FeedDelivery#accessId()}, so a batch sent again records nothing twice.
 *
 * <p>The publisher calls this inside its processor's unit of work and transaction, which commit only
 * after Kafka has acknowledged the batch. The access records must commit before that, on their own,
 * so they are stored on a thread of this recorder's, where no unit of work or transaction is open,
 * while the publisher waits.
 */
final class AccessDeliveryRecorder implements DeliveryRecorder, AutoCloseable {

    /** Who delivers: the relay's processing group. */
    static final String SUBJECT = FeedPublisher.PROCESSING_GROUP;

    private final AccessRecorder recorder;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "sijil-feed-access");
        t.setDaemon(true);
        return t;
    });

    AccessDeliveryRecorder(AccessRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void record(List<FeedDelivery> deliveries) {
        List<AccessRecorder.Identified> reads = new ArrayList<>(deliveries.size());
        for (FeedDelivery d : deliveries) {
            Caller ministry = new Caller(SUBJECT, Set.of(Roles.MINISTRY), null, null, d.ministry(), null, null);
            List<DataCategory> categories = d.categories().isEmpty() ? List.of()
                    : List.copyOf(EnumSet.copyOf(d.categories()));
            reads.add(new AccessRecorder.Identified(ministry, d.accessId(), AccessRecorder.Entry.granted(
                    d.personId(), Roles.MINISTRY, "feed:" + d.topic(), AccessBasisKind.LEGAL_BASIS,
                    String.join(",", d.legalBasisIds()), categories)));
        }
        Future<?> stored = thread.submit(() -> recorder.recordOnce(reads));
        try {
            stored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording the feed deliveries", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("feed deliveries not recorded", e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
