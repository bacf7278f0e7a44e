package org.sijil.query.feed;

import java.util.List;

/** Where the publisher's records go. */
public interface FeedSink {

    /**
     * Sends the records in this order and returns only once every one is acknowledged by the broker
     * (for Kafka: written to all in-sync replicas).
     *
     * @throws RuntimeException if any record is not acknowledged; some may have been written, so the
     *                          caller sends the whole batch again (at least once)
     */
    void publish(List<FeedRecord> records);
}
