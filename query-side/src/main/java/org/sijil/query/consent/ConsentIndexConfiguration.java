package org.sijil.query.consent;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The consent index is kept by a subscribing processor: it runs in the transaction that stores the
 * events, and a failure there rolls the command back, so the index never lags or disagrees with
 * the events.
 */
@Configuration(proxyBeanMethods = false)
class ConsentIndexConfiguration {

    @Autowired
    void consentIndexProcessor(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(ConsentIndexProjection.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ConsentIndexProjection.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
