package org.sijil.query.feed;

import java.util.List;

/**
 * Records feed deliveries as accesses to the persons' data, before the messages are sent: a ministry
 * receiving a person's data through its topic reads it, and no read goes unrecorded.
 */
public interface DeliveryRecorder {

    /**
     * Stores one access record per delivery, all in one transaction, and returns only once it has
     * committed; a delivery whose access is already stored (same {@link FeedDelivery#accessId()})
     * counts as recorded and is not recorded again. Must be committed independently of the caller's
     * own transaction, so the records stay stored if the caller's later work fails.
     *
     * @throws RuntimeException if the records are not stored; then none of the deliveries may be sent
     */
    void record(List<FeedDelivery> deliveries);
}
