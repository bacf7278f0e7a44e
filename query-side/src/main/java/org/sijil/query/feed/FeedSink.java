package org.sijil.query.feed;

/** Where the publisher's records go. */
public interface FeedSink {

    /**
     * Opens a batch: each record handed to it is sent at once, behind the ones handed before it, so
     * the caller can build the next record while the broker is written to; {@link Batch#awaitAcknowledged()}
     * then waits for every one of them.
     */
    Batch open();

    /** One batch of records in flight; used by one thread, and dropped after a failure. */
    interface Batch {

        /**
         * Hands the record over for sending after the ones handed before it; does not wait for the
         * broker (except when the producer's buffer is full).
         *
         * @throws RuntimeException if the record is refused at once; the batch has failed, and the
         *                          caller sends it again (records handed over before may be written)
         */
        void send(FeedRecord record);

        /**
         * Returns once the broker has acknowledged every record sent in this batch.
         *
         * @throws RuntimeException if any record is not acknowledged; some may have been written, so
         *                          the caller sends the whole batch again (at least once)
         */
        void awaitAcknowledged();
    }
}
