package org.sijil.api.feed;

import org.sijil.api.access.AccessRecorder;
import org.sijil.api.consent.ConsentProperties;
import org.sijil.query.feed.FeedProperties;
import org.sijil.query.feed.FeedTopics;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the feeds take from the application: the ministries' topics and the record of deliveries. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sijil.feeds.enabled", havingValue = "true", matchIfMissing = true)
class FeedCollaborators {

    @Bean
    FeedTopics feedTopics(FeedProperties feeds, ConsentProperties consent) {
        return new FeedTopics(feeds.notificationTopic(), feeds.ministryTopicPrefix(), consent.ministries());
    }

    /** Records each delivery to a ministry topic as an access, before it is sent. */
    @Bean(destroyMethod = "close")
    AccessDeliveryRecorder feedDeliveryRecorder(AccessRecorder recorder) {
        return new AccessDeliveryRecorder(recorder);
    }
}
