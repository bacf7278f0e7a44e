package org.sijil.api.erasure;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.sijil.api.access.PersonStates;
import org.sijil.query.feed.JdbcFeedKeys;
import org.sijil.store.JdbcPersonIndex;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.store.DataKeyStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Destroys a person's data key, and their feed keys (so every retained ministry message about them
 * can no longer be opened), and unlinks their national number from them, when their erasure event
 * is stored. It runs in a subscribing processor, inside the unit of work that appends the event, so
 * all of it happens exactly when the event is committed — never before, never without it. The
 * person's folded state kept for reads ({@link PersonStates}) is dropped once the erasure commits.
 */
@Component
@ProcessingGroup(DataKeyErasure.GROUP)
class DataKeyErasure {

    static final String GROUP = "data-key-erasure";

    private final DataKeyStore dataKeys;
    private final JdbcFeedKeys feedKeys;
    private final JdbcPersonIndex nationalNumbers;
    private final PersonStates personStates;

    DataKeyErasure(DataKeyStore dataKeys, JdbcFeedKeys feedKeys, JdbcPersonIndex nationalNumbers,
                   PersonStates personStates) {
        this.dataKeys = dataKeys;
        this.feedKeys = feedKeys;
        this.nationalNumbers = nationalNumbers;
        this.personStates = personStates;
    }

    @EventHandler
    void on(PersonErasedEvent event) {
        // the data key first: its row lock makes a feed key being made meanwhile wait and then see the erasure
        dataKeys.destroy(event.personId());
        feedKeys.destroy(event.personId());
        nationalNumbers.erase(event.personId());
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
