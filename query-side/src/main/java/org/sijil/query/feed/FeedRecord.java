package org.sijil.query.feed;

import java.util.Map;

/**
 * One message to publish: topic, key (the person id, so a person's messages share a partition and
 * keep their order), JSON value, headers (UTF-8 text), and for a ministry message carrying a
 * person's data the {@link FeedDelivery} to record before it is sent (null for notifications).
 */
public record FeedRecord(String topic, String key, byte[] value, Map<String, String> headers, FeedDelivery delivery) {
    public FeedRecord {
        headers = Map.copyOf(headers);
    }

    /** A record that carries no person's data (a notification). */
    public FeedRecord(String topic, String key, byte[] value, Map<String, String> headers) {
        this(topic, key, value, headers, null);
    }
}
