package org.sijil.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * A date in a request body is a string {@code YYYY-MM-DD} and nothing else: Jackson's own reader
 * also takes a timestamp (dropping its time and zone), an epoch-day number and a {@code [y, m, d]}
 * array, each of which can silently name a different day than the caller meant.
 */
final class StrictDates extends StdScalarDeserializer<LocalDate> {

    private static final long serialVersionUID = 1L;
    private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    StrictDates() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            if (SHAPE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text, ISO);
                } catch (DateTimeException e) {
                    return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a calendar date");
                }
            }
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "a date is YYYY-MM-DD");
        }
        return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
    }
}
