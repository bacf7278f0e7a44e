package org.sijil.api.erasure;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.sijil.core.api.PersonErasedEvent;
import org.sijil.core.store.DataKeyStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Destroys a person's data key when their erasure event is stored. It runs in a subscribing
 * processor, inside the unit of work that appends the event, so the key is gone exactly when the
 * event is committed — never before, never without it.
 */
@Component
@ProcessingGroup(DataKeyErasure.GROUP)
class DataKeyErasure {

    static final String GROUP = "data-key-erasure";

    private final DataKeyStore dataKeys;

    DataKeyErasure(DataKeyStore dataKeys) {
        this.dataKeys = dataKeys;
    }

    @EventHandler
    void on(PersonErasedEvent event) {
        dataKeys.destroy(event.personId());
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
