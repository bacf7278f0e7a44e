package org.sijil.api.consent;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.sijil.core.consent.AccessPolicy;
import org.sijil.core.consent.Consent;
import org.sijil.core.consent.LegalBasis;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consents and legal bases, event-sourced from the store like persons, and their read model kept by
 * a subscribing processor: it runs in the transaction that stores the events, and a failure there
 * rolls the command back, so the index never lags or disagrees with the events.
 */
@Configuration(proxyBeanMethods = false)
class ConsentConfiguration {

    /** The processing group (and processor) of {@link ConsentIndexProjection}. */
    static final String CONSENT_INDEX = "consent-index";

    @Bean
    ConfigurerModule consentAggregates() {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Consent.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(LegalBasis.class));
    }

    @Autowired
    void consentIndexProcessor(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(CONSENT_INDEX)
                .registerListenerInvocationErrorHandler(CONSENT_INDEX, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }
}
