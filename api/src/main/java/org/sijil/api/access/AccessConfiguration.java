package org.sijil.api.access;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.sijil.core.consent.Access;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Access records, one small event-sourced aggregate per read, and the access history kept by a
 * subscribing processor in the transaction that stores each record: a failure to list an access
 * fails its recording, and so the read.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    /** The processing group (and processor) of {@link AccessHistoryProjection}. */
    static final String ACCESS_HISTORY = "access-history";

    @Bean
    ConfigurerModule accessAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Access.class));
    }

    @Autowired
    void accessHistoryProcessor(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(ACCESS_HISTORY)
                .registerListenerInvocationErrorHandler(ACCESS_HISTORY, c -> PropagatingErrorHandler.instance());
    }
}
