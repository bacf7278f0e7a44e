package org.sijil.query.feed;

import java.time.Duration;
import java.util.List;

/** Makes sure the feed topics exist before the first batch goes out (once; retried until it works). */
public final class TopicEnsuringSink implements FeedSink, AutoCloseable {

    private final FeedSink delegate;
    private final KafkaTopicCreator creator;
    private final List<String> topics;
    private final Duration timeout;

    public TopicEnsuringSink(FeedSink delegate, KafkaTopicCreator creator, List<String> topics, Duration timeout) {
        this.delegate = delegate;
        this.creator = creator;
        this.topics = List.copyOf(topics);
        this.timeout = timeout;
    }

    @Override
    public Batch open() {
        creator.ensure(topics, timeout);
        return delegate.open();
    }

    @Override
    public void close() {
        if (delegate instanceof KafkaFeedSink kafka) {
            kafka.close();
        }
    }
}
