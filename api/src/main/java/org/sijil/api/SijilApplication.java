package org.sijil.api;

import org.sijil.query.processing.QueryConfiguration;
import org.sijil.store.StoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The Sijil application: REST API, security and the wiring of the write and read sides. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({StoreConfiguration.class, QueryConfiguration.class})
public class SijilApplication {

    public static void main(String[] args) {
        SpringApplication.run(SijilApplication.class, args);
    }
}
