package org.sijil.api.erasure;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.sijil.api.access.PersonStates;
import org.sijil.core.api.PersonErasedEvent;
import org.sijil.core.store.DataKeyStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Destroys a person's data key when their erasure event is stored. It runs in a subscribing
 * processor, inside the unit of work that appends the event, so the key is gone exactly when the
 * event is committed — never before, never without it. The person's folded state kept for reads
 * ({@link PersonStates}) is dropped once the erasure commits.
 */
@Component
@ProcessingGroup(DataKeyErasure.GROUP)
class DataKeyErasure {

    static final String GROUP = "data-key-erasure";

    private final DataKeyStore dataKeys;
    private final PersonStates personStates;

    DataKeyErasure(DataKeyStore dataKeys, PersonStates personStates) {
        this.dataKeys = dataKeys;
        this.personStates = personStates;
    }

    @EventHandler
    void on(PersonErasedEvent event) {
        dataKeys.destroy(event.personId());
        personStates.forget(event.personId());
    }

    @Configuration(proxyBeanMethods = false)
    static class Processor {

        @Bean
        ConfigurerModule dataKeyErasureProcessor() {
            return configurer -> configurer.eventProcessing()
                    .registerSubscribingEventProcessor(GROUP)
                    .registerListenerInvocationErrorHandler(GROUP, c -> (exception, event, listener) -> {
                        throw exception;
                    });
        }
    }
}
