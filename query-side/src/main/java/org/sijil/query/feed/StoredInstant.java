package org.sijil.query.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant as the stored payload shows it in clear ({@code recordedAt}: ISO-8601 in UTC, as
 * {@link Instant#toString()} writes it), read without {@link java.time.format.DateTimeFormatter},
 * which cost the relay a quarter of the time it took to build a notification. {@link #canonical()}
 * says whether {@link #text()} is exactly what {@code instant().toString()} would write, so the
 * notification can carry it as it is.
 *
 * @param instant   the instant
 * @param text      the stored text
 * @param canonical whether {@code text.equals(instant.toString())}
 */
record StoredInstant(Instant instant, String text, boolean canonical) {

    /** An instant not read from stored text. */
    static StoredInstant of(Instant instant) {
        return new StoredInstant(instant, null, false);
    }

    /** The instant as {@link Instant#toString()} writes it: the stored text itself when that is the same. */
    String iso() {
        return canonical ? text : instant.toString();
    }

    /**
     * Reads {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (1 to 9 fraction digits, a four-digit year); any
     * other form, and any out-of-range field, is left to {@link Instant#parse(CharSequence)}.
     *
     * @throws java.time.format.DateTimeParseException if {@link Instant#parse(CharSequence)} does not
     *                                                 read it either
     */
    static StoredInstant parse(String text) {
        StoredInstant fast = fast(text);
        if (fast != null) {
            return fast;
        }
        Instant instant = Instant.parse(text);
        return new StoredInstant(instant, text, text.equals(instant.toString()));
    }

    /** The text read by hand, or null if it is not in the one form read here. */
    private static StoredInstant fast(String s) {
        int n = s.length();
        if (n < 20 || n == 21 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int fraction = 0;
        int fractionDigits = n == 20 ? 0 : n - 21;
        if (fractionDigits > 0) {
            if (s.charAt(19) != '.') {
                return null;
            }
            fraction = digits(s, 20, n - 1);
        }
        if ((year | month | day | hour | minute | second | fraction) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        int nanos = fraction;
        for (int i = fractionDigits; i < 9; i++) {
            nanos *= 10;
        }
        Instant instant = Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        int written = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        return new StoredInstant(instant, s, fractionDigits == written);
    }

    /** The decimal number in {@code s[from, to)}, or -1 if a character is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
