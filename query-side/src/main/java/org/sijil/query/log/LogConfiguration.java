package org.sijil.query.log;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.sijil.store.read.LingeringEventSource;
import org.sijil.crypto.note.NoteSigner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the transparency log: the sequencer on its own tracking processor, the checkpoint issuer
 * on a schedule, and the reads behind the HTTP endpoints.
 */
@Configuration(proxyBeanMethods = false)
class LogConfiguration {

    @Bean
    LogStore logStore(JdbcTemplate jdbc) {
        return new LogStore(jdbc);
    }

    @Bean
    LogProofs logProofs(LogStore logStore) {
        return new LogProofs(logStore);
    }

    /**
     * The sequencer's processor: tracking (its token in PostgreSQL, claimed by one node), one
     * segment so the log has one order, from the first event. Its batch and its token commit in one
     * transaction; while it keeps up, a batch starts at most every {@code sijil.log.linger}, so a
     * trickle of events shares transactions instead of making one each. A failing batch is retried,
     * never skipped: the default error handler would log and carry on, leaving an event out of the
     * log for good.
     */
    @Bean
    ConfigurerModule transparencyLogProcessor(LogStore logStore, LogProperties properties) {
        String name = LogSequencer.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerEventHandler(c -> new LogSequencer(logStore))
                .assignHandlerInstancesMatching(name, handler -> handler instanceof LogSequencer)
                .registerTrackingEventProcessor(name,
                        c -> new LingeringEventSource(c.eventStore(), properties.linger(), properties.batchSize()),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(properties.batchSize())
                                .andInitialSegmentsCount(1)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(name, c -> PropagatingErrorHandler.instance()));
    }

    @Bean
    CheckpointIssuer checkpointIssuer(LogStore logStore, PlatformTransactionManager transactionManager,
                                      NoteSigner checkpointNoteSigner, LogProperties properties, Clock clock) {
        return new CheckpointIssuer(logStore, new TransactionTemplate(transactionManager), checkpointNoteSigner,
                properties.origin(), clock);
    }

    @Bean
    CheckpointSchedule checkpointSchedule(CheckpointIssuer checkpointIssuer, LogProperties properties) {
        return new CheckpointSchedule(checkpointIssuer, properties.checkpointInterval());
    }
}
