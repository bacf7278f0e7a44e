package org.sijil.store;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.sijil.core.consent.Consent;
import org.sijil.core.consent.LegalBasis;
import org.sijil.core.person.BirthCommandHandler;
import org.sijil.core.person.MarriageCommandHandler;
import org.sijil.core.person.MarriageIndex;
import org.sijil.core.person.Person;
import org.sijil.core.person.PersonIndex;
import org.sijil.crypto.sign.SigningKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The write side's wiring: Axon's JDBC event storage engine on PostgreSQL, with every row signed
 * as it is inserted and personal fields sealed by {@link PersonalDataSerializer}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties(StoreProperties.class)
public class StoreConfiguration {

    /** Metadata keys copied from each command to the events it causes. */
    static final List<String> RECORDED_BY = List.of("officer", "officerRole", "office", "governorate");

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    /**
     * Events as JSON with personal fields sealed. Its own ObjectMapper, so web-layer settings never
     * change the stored (and signed) form of an event.
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(DataKeyStore dataKeys, SecureRandom random) {
        return new PersonalDataSerializer(EventJson.serializer(), dataKeys, random);
    }

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          Supplier<SigningKey> activeSigningKey,
                                          StoreProperties properties,
                                          org.axonframework.config.Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .dataType(byte[].class)
                .appendEvents(new SigningAppendEventsStatementBuilder(activeSigningKey, properties.signing(),
                        GroupStatements::take))
                // Tracking readers (views, the transparency log) must never skip a slow transaction's
                // event: keep gaps long enough and far enough back (gap-aware tokens stall on large or long-lived gaps).
                .batchSize(500)
                .maxGapOffset(1_000_000)
                .gapTimeout(300_000)
                .gapCleaningThreshold(250)
                .build();
    }

    /** What Axon's JDBC auto-configuration provides unless the application has its own event store. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    /**
     * Axon's embedded event store, as its Spring Boot auto-configuration builds it, which can also be
     * told of events stored without it ({@link SijilEventStore}).
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    SijilEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return new SijilEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    /**
     * Axon's command bus, as its Spring Boot auto-configuration builds it, behind group commit (unless
     * {@code sijil.group-commit.enabled=false}).
     */
    @Bean
    CommandBus commandBus(TransactionManager transactionManager, PlatformTransactionManager transactions,
                          DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                          org.axonframework.config.Configuration axonConfiguration, StoreProperties properties,
                          JdbcTemplate jdbc) {
        SimpleCommandBus simple = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        simple.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        StoreProperties.GroupCommit group = properties.groupCommit();
        if (!group.enabled()) {
            return simple;
        }
        return new GroupCommitCommandBus(simple, transactions, group.workers(), group.maxCommands(), group.maxWait(),
                jdbc, group.lockTimeout());
    }

    /** The person aggregate, event-sourced from the store through Axon's default repository. */
    @Bean
    ConfigurerModule personAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Person.class));
    }

    /** Consents and legal bases, event-sourced from the store like persons. */
    @Bean
    ConfigurerModule consentAggregates() {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Consent.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(LegalBasis.class));
    }

    @Bean
    Repository<Person> personRepository(ObjectProvider<org.axonframework.config.Configuration> configuration) {
        return new ConfiguredRepository<>(configuration, Person.class);
    }

    @Bean
    BirthCommandHandler birthCommandHandler(Repository<Person> personRepository, PersonIndex personIndex,
                                            SecureRandom random) {
        return new BirthCommandHandler(personRepository, personIndex, random);
    }

    @Bean
    MarriageCommandHandler marriageCommandHandler(Repository<Person> personRepository, MarriageIndex marriageIndex) {
        return new MarriageCommandHandler(personRepository, marriageIndex);
    }

    @Bean
    CorrelationDataProvider recordedByProvider() {
        return forCommandsOnly(new SimpleCorrelationDataProvider(RECORDED_BY.toArray(String[]::new)));
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return forCommandsOnly(new MessageOriginProvider());
    }

    /**
     * Correlation data flow from a command to the events it causes. The read side's processors would
     * otherwise read every event's stored metadata (it carries the signature's key id) just to offer
     * it to messages they never create; a command sent while handling an event names its own
     * officer, as the access recorder's do.
     */
    private static CorrelationDataProvider forCommandsOnly(CorrelationDataProvider provider) {
        return message -> message instanceof CommandMessage<?> ? provider.correlationDataFor(message) : Map.of();
    }
}
