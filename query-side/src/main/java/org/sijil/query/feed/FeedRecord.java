package org.sijil.query.feed;

import java.util.Map;

/**
 * One message to publish: topic, key (the person id, so a person's messages share a partition and
 * keep their order), JSON value and headers (UTF-8 text).
 */
public record FeedRecord(String topic, String key, byte[] value, Map<String, String> headers) {
    public FeedRecord {
        headers = Map.copyOf(headers);
    }
}
