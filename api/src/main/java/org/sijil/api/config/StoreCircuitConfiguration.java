package org.sijil.api.config;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts a {@link StoreCircuit} in front of the application's connection pool, embedded or external. */
@Configuration(proxyBeanMethods = false)
class StoreCircuitConfiguration {

    /** How long requests are refused at once after a failed connection attempt, before the next. */
    static final Duration OPEN_FOR = Duration.ofSeconds(1);

    @Bean
    static BeanPostProcessor storeCircuit() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && !(bean instanceof StoreCircuit)
                        ? new StoreCircuit(pool, OPEN_FOR) : bean;
            }
        };
    }
}
