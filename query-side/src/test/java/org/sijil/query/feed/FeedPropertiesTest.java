package org.sijil.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The publisher's linger: from none to a second, nothing else. */
class FeedPropertiesTest {

    @Test
    void lingerIsBetweenZeroAndOneSecond() {
        assertThat(properties(Duration.ZERO).linger()).isZero();
        assertThat(properties(Duration.ofSeconds(1)).linger()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> properties(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sijil.feeds.linger");
        assertThatThrownBy(() -> properties(Duration.ofMillis(1001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sijil.feeds.linger");
    }

    private static FeedProperties properties(Duration linger) {
        return new FeedProperties(true, "", "sijil.notifications", "sijil.ministry.", 3, (short) 1,
                Duration.ofDays(30), 500, linger, Duration.ofSeconds(30), Map.of(),
                new FeedProperties.Embedded("localhost", 0, 0, null));
    }
}
