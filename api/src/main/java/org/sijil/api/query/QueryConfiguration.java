package org.sijil.api.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The views' wiring: one tracking processor per view, each with its own token, so one view can be
 * replayed without the others. A handler's failure rolls its batch back and is retried (never
 * skipped: a skipped event is a view that silently disagrees with the store).
 */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

    /** Every view's processing group, which is also its name in the admin endpoints. */
    static final List<String> VIEWS = List.of(PersonViewProjection.NAME, HealthViewProjection.NAME,
            PlanningViewProjection.NAME, InteriorViewProjection.NAME, EducationViewProjection.NAME);

    /** How the views store their JSON documents; their own mapper, so web settings never change it. */
    static final ObjectMapper VIEW_JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Bean
    ConfigurerModule viewProcessors(QueryProperties properties) {
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
                processing.registerListenerInvocationErrorHandler(view, c -> PropagatingErrorHandler.instance());
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
