package org.sijil.query.feed;

/** A Kafka cluster the feeds can be sent to, named by its bootstrap servers. */
public interface KafkaServers {

    /** {@code host:port,...} */
    String bootstrapServers();
}
