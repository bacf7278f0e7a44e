package org.sijil.query.feed;

import java.util.List;
import java.util.Objects;

/**
 * The feed's topic names: the notification topic, and {@code <ministryPrefix><ministry>} for each
 * ministry that has a feed.
 */
public record FeedTopics(String notifications, String ministryPrefix, List<String> ministries) {

    public FeedTopics {
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(ministryPrefix, "ministryPrefix");
        ministries = List.copyOf(ministries);
    }

    public String ministry(String ministry) {
        return ministryPrefix + ministry;
    }

    /** Every topic the publisher writes to. */
    public List<String> all() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(notifications),
                ministries.stream().map(this::ministry)).toList();
    }
}
