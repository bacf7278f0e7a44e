package org.sijil.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one JSON form of stored events: ISO-8601 dates, record components in declaration order.
 * Changing it changes the bytes that are signed, so it is frozen by approval tests.
 */
public final class EventJson {

    private EventJson() {
    }

    /** A new ObjectMapper configured for stored events. */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** Axon's Jackson serializer over {@link #objectMapper()}. */
    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }
}
