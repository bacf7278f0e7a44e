package org.sijil.store;

import java.util.concurrent.Callable;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The repository Axon's configuration built for an aggregate, looked up on first use. Command
 * handlers that load aggregates need it as a bean, while the configuration itself needs those
 * handlers first; resolving it late breaks that cycle without a second repository instance.
 */
final class ConfiguredRepository<T> implements Repository<T> {

    private final ObjectProvider<Configuration> configuration;
    private final Class<T> aggregateType;
    private volatile Repository<T> repository;

    ConfiguredRepository(ObjectProvider<Configuration> configuration, Class<T> aggregateType) {
        this.configuration = configuration;
        this.aggregateType = aggregateType;
    }

    private Repository<T> repository() {
        Repository<T> r = repository;
        if (r == null) {
            r = configuration.getObject().repository(aggregateType);
            repository = r;
        }
        return r;
    }

    @Override
    public Aggregate<T> load(String aggregateIdentifier) {
        return repository().load(aggregateIdentifier);
    }

    @Override
    public Aggregate<T> load(String aggregateIdentifier, Long expectedVersion) {
        return repository().load(aggregateIdentifier, expectedVersion);
    }

    @Override
    public Aggregate<T> newInstance(Callable<T> factoryMethod) throws Exception {
        return repository().newInstance(factoryMethod);
    }

    @Override
    public void send(org.axonframework.messaging.Message<?> message,
                     org.axonframework.messaging.ScopeDescriptor scopeDescription) throws Exception {
        repository().send(message, scopeDescription);
    }

    @Override
    public boolean canResolve(org.axonframework.messaging.ScopeDescriptor scopeDescription) {
        return repository().canResolve(scopeDescription);
    }
}
