package org.sijil.api.feed;

import java.nio.file.Path;
import org.sijil.query.feed.FeedProperties;
import org.sijil.api.config.SijilProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded default's Kafka: with the feeds on and no external {@code sijil.feeds.bootstrap-servers}
 * (nor {@code spring.kafka.bootstrap-servers}), a real single-node KRaft broker is started in-process,
 * its data in {@code sijil.feeds.embedded.data-dir} or else {@code <sijil.data-dir>/kafka}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${sijil.feeds.enabled:true}' == 'true' and '${sijil.feeds.bootstrap-servers:}'.isEmpty()"
        + " and '${spring.kafka.bootstrap-servers:}'.isEmpty()")
class EmbeddedKafkaConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedKafkaBroker embeddedKafkaBroker(FeedProperties feeds, SijilProperties sijil, Environment environment) {
        quietUnlessConfigured(environment, "kafka");
        quietUnlessConfigured(environment, "state.change.logger");
        quietUnlessConfigured(environment, "org.apache.kafka");
        quietUnlessConfigured(environment, "org.apache.zookeeper");
        FeedProperties.Embedded settings = feeds.embedded();
        Path dir = settings.dataDir() != null ? settings.dataDir() : sijil.dataDir().resolve("kafka");
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, settings.host(), settings.port(),
                settings.controllerPort());
        broker.start();
        return broker;
    }

    /** Kafka logs every setting of every client and server at INFO; keep that out of the application log. */
    private static void quietUnlessConfigured(Environment environment, String logger) {
        if (environment.getProperty("logging.level." + logger) == null) {
            LoggingSystem.get(EmbeddedKafkaConfiguration.class.getClassLoader()).setLogLevel(logger, LogLevel.WARN);
        }
    }
}
