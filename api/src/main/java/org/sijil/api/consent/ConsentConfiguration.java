package org.sijil.api.consent;

import org.sijil.core.consent.AccessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy that decides which consent or legal basis, if any, covers a ministry's read. */
@Configuration(proxyBeanMethods = false)
class ConsentConfiguration {

    @Bean
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }
}
