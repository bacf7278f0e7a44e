package org.sijil.query.feed;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredInstantTest {

    /**
     * Texts {@link Instant#parse(CharSequence)} reads: the forms {@link Instant#toString()} writes
     * (no fraction, 3, 6 and 9 digits), the other fraction lengths RFC 3339 section 5.6 allows
     * ({@code time-secfrac}), a leap day, the first and last instants of years 0000 and 9999, a leap
     * second (RFC 3339 section 5.7's example, which the JDK reads as the second before), an offset, and two
     * forms the JDK reads although they are not ISO-8601 instants as written (24:00, a dot without digits).
     */
    static Stream<String> readable() {
        return Stream.of("2026-11-27T09:15:14Z", "2026-11-27T09:15:14.123Z", "2026-11-27T09:15:14.123456Z",
                "2026-11-27T09:15:14.123456789Z", "2026-11-27T09:15:14.1Z", "2026-11-27T09:15:14.12Z",
                "2026-11-27T09:15:14.1234Z", "2026-11-27T09:15:14.12345Z", "2026-11-27T09:15:14.1234567Z",
                "2026-11-27T09:15:14.12345678Z", "2026-11-27T09:15:14.100Z", "2026-11-27T09:15:14.000Z",
                "2026-11-27T09:15:14.000000001Z", "2026-11-27T09:15:14.120000Z", "2024-02-29T23:59:59.999999999Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.5Z", "1990-12-31T23:59:60Z", "1985-04-12T23:20:50.52+03:00",
                "2026-11-27T24:00:00Z", "2026-11-27T09:15:14.Z");
    }

    @ParameterizedTest
    @MethodSource("readable")
    void readsWhatInstantParseReadsAsItDoes(String text) {
        StoredInstant read = StoredInstant.parse(text);
        Instant expected = Instant.parse(text);
        assertThat(read.instant()).isEqualTo(expected);
        assertThat(read.text()).isEqualTo(text);
        assertThat(read.canonical()).isEqualTo(text.equals(expected.toString()));
    }

    @Test
    void sayingCanonicalMeansInstantToStringWouldWriteTheSameText() {
        // random instants between 1900 and 2100, from a fixed seed, with nanoseconds cut to 0, 3, 6 and 9 digits
        Random random = new Random(20261127);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            long second = -2_208_988_800L + (long) (random.nextDouble() * 6_311_433_600L);
            int nanos = random.nextInt(1_000_000_000);
            int[] cut = {1_000_000_000, 1_000_000, 1_000, 1};
            texts.add(Instant.ofEpochSecond(second, nanos / cut[i % 4] * cut[i % 4]).toString());
        }
        for (String text : texts) {
            StoredInstant read = StoredInstant.parse(text);
            assertThat(read.canonical()).as(text).isTrue();
            assertThat(read.instant()).as(text).isEqualTo(Instant.parse(text));
            assertThat(read.instant().toString()).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @MethodSource("unreadable")
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredInstant.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    /**
     * A day February 2023 does not have, a minute and second out of range, ten fraction digits, no
     * zone, a date alone, a month out of range, separators and digits where they are not allowed.
     */
    static Stream<String> unreadable() {
        return Stream.of("2023-02-29T00:00:00Z", "2026-11-27T09:60:00Z", "2026-11-27T09:15:61Z",
                "2026-11-27T09:15:14.1234567891Z", "2026-11-27T09:15:14", "2026-11-27",
                "2026-13-27T09:15:14Z", "2026-11-27 09:15:14Z", "2026-11-27T09:15:1aZ", "2026/11/27T09:15:14Z",
                "2026-11-27T09:15:14,5Z", "+2026-11-27T09:15:14Z".substring(0, 20) + "x", "");
    }
}
