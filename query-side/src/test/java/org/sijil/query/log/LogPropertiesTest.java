package org.sijil.query.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sequencer's linger: from none to a second, nothing else. */
class LogPropertiesTest {

    @Test
    void lingerIsBetweenZeroAndOneSecond() {
        assertThat(properties(Duration.ZERO).linger()).isZero();
        assertThat(properties(Duration.ofSeconds(1)).linger()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> properties(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sijil.log.linger");
        assertThatThrownBy(() -> properties(Duration.ofMillis(1001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sijil.log.linger");
    }

    private static LogProperties properties(Duration linger) {
        return new LogProperties("sijil.local/register", Duration.ofSeconds(2), 250, linger, 1000);
    }
}
