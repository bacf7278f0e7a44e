package org.sijil.query.feed;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.sijil.store.read.LingeringEventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the feeds: where Kafka is, the topics (created at start if absent), the producer, and the
 * publisher on its own tracking processor. The application provides the topics (it knows the
 * ministries), the recorder of deliveries to ministry topics as accesses, and an embedded broker
 * where no external one is configured ({@link KafkaServers}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedProperties.class)
@ConditionalOnProperty(name = "sijil.feeds.enabled", havingValue = "true", matchIfMissing = true)
class FeedConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FeedConfiguration.class);

    /** How long creating the topics may take at start before the publisher retries it later. */
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(15);

    /** Where the feeds go: {@code host:port,...}. */
    record FeedBootstrap(String servers) {
    }

    @Bean
    FeedBootstrap feedBootstrap(FeedProperties feeds, Environment environment,
                                ObjectProvider<KafkaServers> embedded) {
        if (!feeds.bootstrapServers().isBlank()) {
            return new FeedBootstrap(feeds.bootstrapServers().strip());
        }
        String spring = environment.getProperty("spring.kafka.bootstrap-servers", "");
        if (!spring.isBlank()) {
            return new FeedBootstrap(spring.strip());
        }
        KafkaServers broker = embedded.getIfAvailable();
        if (broker == null) {
            throw new IllegalStateException("no Kafka: set sijil.feeds.bootstrap-servers");
        }
        return new FeedBootstrap(broker.bootstrapServers());
    }

    @Bean
    KafkaTopicCreator feedTopicCreator(FeedBootstrap bootstrap, FeedProperties feeds, FeedTopics topics) {
        KafkaTopicCreator creator = new KafkaTopicCreator(bootstrap.servers(), feeds.partitions(),
                feeds.replicationFactor(), feeds.retention());
        try {
            creator.ensure(topics.all(), TOPIC_TIMEOUT);
        } catch (IllegalStateException e) {
            // registrations never wait for Kafka: the publisher creates them once Kafka answers
            log.warn("Feed topics not created at start, retried before the first publication: {}", e.getMessage());
        }
        return creator;
    }

    /** The idempotent producer, behind a check that the topics exist; closed with the context. */
    @Bean(destroyMethod = "close")
    TopicEnsuringSink feedSink(FeedBootstrap bootstrap, FeedProperties feeds, KafkaTopicCreator creator,
                               FeedTopics topics) {
        Map<String, Object> overrides = new HashMap<>(feeds.producer());
        KafkaFeedSink kafka = new KafkaFeedSink(bootstrap.servers(), feeds.ackTimeout(), overrides);
        return new TopicEnsuringSink(kafka, creator, topics.all(), TOPIC_TIMEOUT);
    }

    /**
     * The publisher's processor: tracking (its token in PostgreSQL, claimed by one node), one
     * segment, from the first event, batches of {@code sijil.feeds.batch-size}, at most one starting
     * every {@code sijil.feeds.linger} while it keeps up. A batch's token is
     * stored only after Kafka acknowledged all of the batch; a failing batch is retried with
     * back-off, never skipped (the default error handler would log and carry on).
     */
    @Bean
    ConfigurerModule feedProcessor(JdbcTemplate jdbc, FeedTopics topics, ObjectProvider<FeedSink> sink,
                                   ObjectProvider<DeliveryRecorder> deliveries, ObjectProvider<FeedKeys> feedKeys,
                                   FeedProperties feeds) {
        String name = FeedPublisher.PROCESSING_GROUP;
        FeedStore store = new FeedStore(jdbc);
        FeedMessages messages = new FeedMessages(topics);
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerEventHandler(c -> new FeedPublisher(store, messages, sink.getObject(),
                        deliveries.getObject(), feedKeys.getObject()))
                .assignHandlerInstancesMatching(name, handler -> handler instanceof FeedPublisher)
                .registerTrackingEventProcessor(name,
                        c -> new LingeringEventSource(c.eventStore(), feeds.linger(), feeds.batchSize()),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(feeds.batchSize())
                                .andInitialSegmentsCount(1)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(name, c -> PropagatingErrorHandler.instance()));
    }
}
