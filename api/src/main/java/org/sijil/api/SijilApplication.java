package org.sijil.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Sijil application: REST API, security and the wiring of the write and read sides. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SijilApplication {

    public static void main(String[] args) {
        SpringApplication.run(SijilApplication.class, args);
    }
}
