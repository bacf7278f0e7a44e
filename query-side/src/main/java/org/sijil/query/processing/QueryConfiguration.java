package org.sijil.query.processing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.sijil.query.log.LogProperties;
import org.sijil.query.access.AccessHistoryRows;
import org.sijil.store.read.AccessListing;
import org.sijil.query.view.education.EducationViewProjection;
import org.sijil.query.view.education.EducationViewQueries;
import org.sijil.query.view.health.HealthViewProjection;
import org.sijil.query.view.health.HealthViewQueries;
import org.sijil.query.view.interior.InteriorViewProjection;
import org.sijil.query.view.interior.InteriorViewQueries;
import org.sijil.query.view.person.PersonViewProjection;
import org.sijil.query.view.person.PersonViewQueries;
import org.sijil.query.view.planning.PlanningViewProjection;
import org.sijil.query.view.planning.PlanningViewQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The views' wiring: one tracking processor per view, each with its own token, so one view can be
 * replayed without the others.
 *
 * <p>No stored event can stop a view. An event a view cannot apply is parked in the view's
 * dead-letter queue ({@code deadletterentry}) under its person's sequence, and that person's later
 * events follow it there, so the view never applies a person's events out of order; everyone else's
 * events go on. Nothing is skipped silently: the parked events are counted (health {@code views},
 * metric {@code sijil.views.dead_letters}, the admin projections list) and an administrator
 * retries them once the cause is repaired. A failed batch is rerun event by event
 * ({@link ViewHandlerIsolation}) to find the event at fault; failures of the moment, such as the
 * database being unreachable, park nothing ({@link ViewFailurePolicy}). An erasure is never parked
 * ({@link ErasureFirstQueue}).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan("org.sijil.query")
@EnableConfigurationProperties({QueryProperties.class, LogProperties.class})
public class QueryConfiguration {

    /** Every view's processing group, which is also its name in the admin endpoints. */
    public static final List<String> VIEWS = List.of(PersonViewProjection.NAME, HealthViewProjection.NAME,
            PlanningViewProjection.NAME, InteriorViewProjection.NAME, EducationViewProjection.NAME);

    /** How the views store their JSON documents; their own mapper, so web settings never change it. */
    static final ObjectMapper VIEW_JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The access history's rows, inserted with the access events that they list. */
    @Bean
    Supplier<AccessListing> accessListings() {
        return AccessHistoryRows::new;
    }

    @Bean
    ConfigurerModule viewProcessors(QueryProperties properties, ObjectProvider<ConnectionProvider> connections,
                                    ObjectProvider<PlatformTransactionManager> platform) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (String view : VIEWS) {
                // The planning view reads the mother's row (another stream) for a birth's age group, so
                // it must see events in global order: one segment. The others read only their own
                // person's rows (or, for the person view, a tombstone that makes order irrelevant).
                int segments = PlanningViewProjection.NAME.equals(view) ? 1 : properties.segments();
                processing.registerTrackingEventProcessor(view,
                        org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                                .andInitialSegmentsCount(segments)
                                .andBatchSize(properties.batchSize()));
                // the person (aggregate) is the sequence: Axon's default sequencing policy, as for segments;
                // the queue stores events as the store does, personal fields sealed
                processing.registerDeadLetterQueue(view, c -> new ErasureFirstQueue(view,
                        JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(view)
                                .connectionProvider(connections.getObject())
                                .transactionManager(c.getComponent(TransactionManager.class))
                                .genericSerializer(c.serializer())
                                .eventSerializer(c.eventSerializer())
                                // a full queue would stop the view again: no bound but the alert on its size
                                .maxSequences(Integer.MAX_VALUE)
                                .maxSequenceSize(Integer.MAX_VALUE)
                                .build()));
                processing.registerDeadLetterPolicy(view, c -> new ViewFailurePolicy());
                // a dead letter's retry applies each letter in a savepoint; a replay empties the queue
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(view,
                        (c, invoker) -> invoker.transactionManager(new SavepointTransactions(platform))
                                .allowReset(true));
            }
        };
    }

    /**
     * Axon's JDBC token store, as its auto-configuration builds it, but with the node's name from
     * {@code sijil.query.node-id} when set: nodes that share the database must claim segments under
     * different names.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenStoreProperties tokens,
                          QueryProperties properties) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(TokenSchema.builder().build())
                .claimTimeout(tokens.getClaimTimeout())
                .contentType(byte[].class);
        if (!properties.nodeId().isBlank()) {
            builder.nodeId(properties.nodeId());
        }
        return builder.build();
    }

    /** Reruns a view's failed batch event by event, so that only the event at fault is parked. */
    @Bean
    ViewHandlerIsolation viewHandlerIsolation(ObjectProvider<PlatformTransactionManager> platform) {
        return new ViewHandlerIsolation(Set.copyOf(VIEWS), new SavepointTransactions(platform));
    }

    @Bean
    ViewDeadLetters viewDeadLetters(EventProcessingConfiguration processing) {
        return new ViewDeadLetters(processing);
    }

    /** DOWN while any view holds dead letters, with each view's count. */
    @Bean
    HealthIndicator viewsHealthIndicator(ViewDeadLetters deadLetters) {
        return () -> {
            Map<String, Long> counts = deadLetters.counts();
            boolean none = counts.values().stream().allMatch(n -> n == 0);
            return (none ? Health.up() : Health.down()).withDetail("deadLetters", counts).build();
        };
    }

    /** {@code sijil.views.dead_letters{view=...}}: how many events each view has parked. */
    @Bean
    MeterBinder viewDeadLetterGauges(ViewDeadLetters deadLetters) {
        return registry -> VIEWS.forEach(view -> Gauge.builder("sijil.views.dead_letters", () -> deadLetters.count(view))
                .description("Events the view could not apply, parked with the later events of their person")
                .tag("view", view)
                .register(registry));
    }

    @Bean
    PersonViewProjection personViewProjection(JdbcTemplate jdbc) {
        return new PersonViewProjection(jdbc, VIEW_JSON);
    }

    @Bean
    PersonViewQueries personViewQueries(JdbcTemplate jdbc) {
        return new PersonViewQueries(jdbc, VIEW_JSON);
    }

    @Bean
    HealthViewProjection healthViewProjection(JdbcTemplate jdbc) {
        return new HealthViewProjection(jdbc);
    }

    @Bean
    HealthViewQueries healthViewQueries(JdbcTemplate jdbc) {
        return new HealthViewQueries(jdbc);
    }

    @Bean
    PlanningViewProjection planningViewProjection(JdbcTemplate jdbc) {
        return new PlanningViewProjection(jdbc);
    }

    @Bean
    PlanningViewQueries planningViewQueries(JdbcTemplate jdbc) {
        return new PlanningViewQueries(jdbc);
    }

    @Bean
    InteriorViewProjection interiorViewProjection(JdbcTemplate jdbc) {
        return new InteriorViewProjection(jdbc);
    }

    @Bean
    InteriorViewQueries interiorViewQueries(JdbcTemplate jdbc) {
        return new InteriorViewQueries(jdbc);
    }

    @Bean
    EducationViewProjection educationViewProjection(JdbcTemplate jdbc) {
        return new EducationViewProjection(jdbc);
    }

    @Bean
    EducationViewQueries educationViewQueries(JdbcTemplate jdbc) {
        return new EducationViewQueries(jdbc);
    }

    @Bean
    ViewPositions viewPositions(EventProcessingConfiguration processing, QueryProperties properties) {
        return new ViewPositions(processing, properties);
    }
}
